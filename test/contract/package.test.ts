// What `npm pack` ships: everything n8n needs to load the package lazily (nodes, credentials, codex,
// icons, the four metadata files of n8n-core's LazyPackageDirectoryLoader), nothing of the build's
// internals (type declarations, source maps, tsbuildinfo). Needs the build (`npm run build`).
import '../harness/env';

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { LazyPackageDirectoryLoader, PackageDirectoryLoader } from 'n8n-core';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
const METADATA = ['dist/known/nodes.json', 'dist/known/credentials.json', 'dist/types/nodes.json', 'dist/types/credentials.json'];

function packedFiles(): string[] {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
}

describe('npm pack', () => {
	const files = packedFiles();

	it('ships every node and credential n8n loads, each node with its codex (a file beside it or in its description)', () => {
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(file);
		const types = JSON.parse(readFileSync(join(root, 'dist/types/nodes.json'), 'utf8')) as Array<{ name: string; codex?: { categories?: string[] } }>;
		expect(types).toHaveLength(manifest.n8n.nodes.length);
		for (const type of types) expect(type.codex?.categories?.length).toBeGreaterThan(0);
	});

	it('ships the four metadata files of lazy loading and the icons they point at', () => {
		for (const file of METADATA) expect(files).toContain(file);
		const types = JSON.parse(readFileSync(join(root, 'dist/types/nodes.json'), 'utf8')) as Array<{ iconUrl?: { light: string; dark: string } }>;
		const prefix = `icons/${manifest.name}/`;
		const icons = types.flatMap((t) => (t.iconUrl ? [t.iconUrl.light, t.iconUrl.dark] : []));
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) {
			expect(icon.startsWith(prefix)).toBe(true);
			expect(files).toContain(icon.slice(prefix.length));
		}
	});

	it('ships nothing of the build’s internals', () => {
		const outsideDist = files.filter((f) => !f.startsWith('dist/'));
		expect(outsideDist.sort()).toEqual(expect.arrayContaining(['package.json']));
		for (const file of outsideDist) expect(['package.json', 'README.md', 'LICENSE', 'LICENSE.md']).toContain(file);
		const internals = files.filter((f) => /\.(d\.ts|map|tsbuildinfo|ts)$/.test(f) || f.startsWith('dist/methods/'));
		expect(internals).toEqual([]);
	});
});

describe('lazy loading', () => {
	it('n8n-core’s LazyPackageDirectoryLoader reads the metadata instead of requiring the nodes, and it matches a full load', async () => {
		const lazy = new LazyPackageDirectoryLoader(root);
		await lazy.loadAll();
		expect(lazy.isLazyLoaded).toBe(true);
		expect(Object.keys(lazy.nodeTypes)).toEqual([]);

		const full = new PackageDirectoryLoader(root);
		await full.loadAll();
		expect(Object.keys(lazy.known.nodes).sort()).toEqual(Object.keys(full.known.nodes).sort());
		expect(Object.keys(lazy.known.credentials).sort()).toEqual(Object.keys(full.known.credentials).sort());
		// The build wrote the metadata from these very files: a stale metadata file differs here.
		const described = (loader: PackageDirectoryLoader) =>
			JSON.parse(JSON.stringify(loader.types.nodes.map(({ __loadOptionsMethods: _methods, ...rest }) => rest))) as unknown;
		expect(described(lazy)).toEqual(described(full));
		expect(JSON.parse(JSON.stringify(lazy.types.credentials))).toEqual(JSON.parse(JSON.stringify(full.types.credentials)));
		// A lazily loaded node type is required on first use, from the file the metadata names.
		for (const name of Object.keys(lazy.known.nodes)) expect(lazy.getNode(name).type.description.name).toBe(name);
	});
});
