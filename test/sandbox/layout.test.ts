// The sandbox's shape: no import cycles among its modules (type-only imports included), and a
// size bound that keeps the fake smaller than what it fakes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..', 'sandbox');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

/** Relative imports and re-exports of each .ts module, resolved to files. */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of files(root).filter((f) => f.endsWith('.ts'))) {
		const source = readFileSync(file, 'utf8');
		const targets = [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => {
			const base = resolve(dirname(file), m[1]);
			const found = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => {
				try {
					return statSync(candidate).isFile();
				} catch {
					return false;
				}
			});
			if (!found) throw new Error(`${relative(root, file)} imports ${m[1]}, which does not exist`);
			return found;
		});
		graph.set(file, targets);
	}
	return graph;
}

function cycles(graph: Map<string, string[]>): string[] {
	const found: string[] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (node: string) => {
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(root, f)).join(' → '));
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(node, 'done');
	};
	for (const node of graph.keys()) if (!state.has(node)) visit(node);
	return found;
}

describe('sandbox layout', () => {
	it('has no import cycles among its modules', () => {
		const graph = importGraph();
		expect(graph.size).toBeGreaterThan(40);
		expect(cycles(graph)).toEqual([]);
	});

	it('finds a cycle when there is one (the check itself can fail)', () => {
		const a = join(root, 'a.ts');
		const b = join(root, 'b.ts');
		expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual(['a.ts → b.ts → a.ts']);
	});

	it('holds at most 10,000 lines in total (README included) while serving every operation', () => {
		const lines = files(root).reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').length - 1, 0);
		console.log(`sandbox/: ${lines} lines`);
		expect(lines).toBeLessThanOrEqual(10_000);
	});
});
