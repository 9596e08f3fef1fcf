// Wall-clock arithmetic in IANA time zones with Intl only (no date library in the sandbox).

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
	let f = formats.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formats.set(timeZone, f);
	}
	return f;
}

export function isTimeZone(timeZone: string): boolean {
	try {
		format(timeZone);
		return true;
	} catch {
		return false;
	}
}

export interface WallTime {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
}

export function wallTime(ms: number, timeZone: string): WallTime {
	const out: Record<string, number> = {};
	for (const p of format(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
	return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. -420 for PDT). */
export function offsetMinutes(ms: number, timeZone: string): number {
	const w = wallTime(ms, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The instant of a wall-clock time in a zone (times in a DST gap move forward, like most calendars). */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	const first = guess - offsetMinutes(guess, timeZone) * 60000;
	const second = guess - offsetMinutes(first, timeZone) * 60000;
	return second;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** 'YYYY-MM-DD' of the instant in the zone. */
export function localDate(ms: number, timeZone: string): string {
	const w = wallTime(ms, timeZone);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** ISO 8601 with the zone's offset, like HighLevel answers: '2024-10-28T10:00:00-05:00'. */
export function isoInZone(ms: number, timeZone: string): string {
	const w = wallTime(ms, timeZone);
	const off = offsetMinutes(ms, timeZone);
	const sign = off < 0 ? '-' : '+';
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** Calendar day arithmetic on 'YYYY-MM-DD' parts; weekday 0 = Sunday (HighLevel's daysOfTheWeek). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number; weekday: number } {
	const d = new Date(Date.UTC(year, month - 1, day + days));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Length of a HighLevel duration (slotDuration + slotDurationUnit, ...) in minutes. */
export function minutesOf(value: unknown, unit: unknown, fallback: number): number {
	const n = typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
	switch (unit) {
		case 'hours':
			return n * 60;
		case 'days':
			return n * 1440;
		case 'weeks':
			return n * 7 * 1440;
		case 'months':
			return n * 30 * 1440;
		default:
			return n;
	}
}
