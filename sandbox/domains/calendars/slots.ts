// Free slots of a calendar: open hours (in the location's time zone) cut into slots of
// slotDuration every slotInterval, minus booked appointments and blocked slots.
import type { Calendar, OpenHourRange } from './state';
import { appointmentsOf, locationTimeZone } from './state';
import { DAY, MINUTE, addDays, localDate, minutesOf, wallTime, zonedToUtc } from './time';
import type { SandboxState } from '../../state';

export interface SlotOptions {
	now: number;
	/** Booking window (allowBookingAfter / allowBookingFor, no past slots) not applied. */
	ignoreWindow?: boolean;
	/** An appointment that does not count as busy (the one being moved). */
	excludeEventId?: string;
}

type Interval = [number, number];

export function slotMinutes(calendar: Calendar): { duration: number; interval: number } {
	const duration = minutesOf(calendar.slotDuration, calendar.slotDurationUnit, 30);
	const interval = minutesOf(calendar.slotInterval, calendar.slotIntervalUnit, duration);
	return { duration, interval };
}

function busy(state: SandboxState, calendar: Calendar, excludeId?: string): { booked: Interval[]; blocked: Interval[] } {
	const store = state.calendarStore;
	const booked: Interval[] = [];
	for (const a of appointmentsOf(state).values()) {
		if (a.calendarId !== calendar.id || a.id === excludeId || a.appointmentStatus === 'cancelled') continue;
		booked.push([Date.parse(a.startTime), Date.parse(a.endTime)]);
	}
	const blocked: Interval[] = [];
	for (const b of store.blockedSlots.values()) {
		if (b.calendarId === calendar.id && b.id !== excludeId) blocked.push([Date.parse(b.startTime), Date.parse(b.endTime)]);
	}
	return { booked, blocked };
}

const overlapping = (list: Interval[], start: number, end: number) => list.filter(([s, e]) => s < end && start < e).length;

function rangesOf(calendar: Calendar, date: string, weekday: number): OpenHourRange[] {
	const override = (calendar.availabilities ?? []).find((a) => !a.deleted && typeof a.date === 'string' && a.date.slice(0, 10) === date);
	if (override) return override.hours ?? [];
	const out: OpenHourRange[] = [];
	for (const oh of calendar.openHours ?? []) if ((oh.daysOfTheWeek ?? []).includes(weekday)) out.push(...(oh.hours ?? []));
	return out;
}

/** Start instants (epoch ms, ascending) of the free slots with from <= start <= to. */
export function freeSlotStarts(state: SandboxState, calendar: Calendar, from: number, to: number, options: SlotOptions): number[] {
	if (!calendar.isActive) return [];
	const tz = locationTimeZone(state, calendar.locationId);
	const { duration, interval } = slotMinutes(calendar);
	if (duration <= 0 || interval <= 0) return [];
	const { booked, blocked } = busy(state, calendar, options.excludeEventId);
	const perSlot = typeof calendar.appoinmentPerSlot === 'number' && calendar.appoinmentPerSlot > 1 ? calendar.appoinmentPerSlot : 1;
	const perDay = typeof calendar.appoinmentPerDay === 'number' && calendar.appoinmentPerDay > 0 ? calendar.appoinmentPerDay : 0;
	let min = from;
	let max = to;
	if (!options.ignoreWindow) {
		const after = typeof calendar.allowBookingAfter === 'number' && calendar.allowBookingAfter > 0 ? minutesOf(calendar.allowBookingAfter, calendar.allowBookingAfterUnit, 0) : 0;
		min = Math.max(min, options.now + after * MINUTE);
		if (typeof calendar.allowBookingFor === 'number' && calendar.allowBookingFor > 0) {
			max = Math.min(max, options.now + minutesOf(calendar.allowBookingFor, calendar.allowBookingForUnit ?? 'days', 0) * MINUTE);
		}
	}
	if (min > max) return [];

	const out: number[] = [];
	const first = wallTime(min - DAY, tz);
	const days = Math.ceil((max - min) / DAY) + 3;
	for (let i = 0; i < days; i++) {
		const d = addDays(first.year, first.month, first.day, i);
		const date = `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
		const ranges = rangesOf(calendar, date, d.weekday);
		if (ranges.length === 0) continue;
		if (perDay > 0) {
			const dayStart = zonedToUtc(d.year, d.month, d.day, 0, 0, tz);
			const next = addDays(d.year, d.month, d.day, 1);
			if (overlapping(booked, dayStart, zonedToUtc(next.year, next.month, next.day, 0, 0, tz)) >= perDay) continue;
		}
		for (const r of ranges) {
			const open = r.openHour * 60 + r.openMinute;
			const close = r.closeHour * 60 + r.closeMinute;
			for (let m = open; m + duration <= close; m += interval) {
				const start = zonedToUtc(d.year, d.month, d.day, Math.floor(m / 60), m % 60, tz);
				if (start < min || start > max) continue;
				const end = start + duration * MINUTE;
				if (overlapping(booked, start, end) >= perSlot || overlapping(blocked, start, end) > 0) continue;
				out.push(start);
			}
		}
	}
	return [...new Set(out)].sort((a, b) => a - b);
}

/** Whether an appointment may take [start, end): start is a free slot and nothing else is in the way. */
export function isBookable(state: SandboxState, calendar: Calendar, start: number, end: number, options: SlotOptions): boolean {
	if (!freeSlotStarts(state, calendar, start, start, options).includes(start)) return false;
	const { booked, blocked } = busy(state, calendar, options.excludeEventId);
	const perSlot = typeof calendar.appoinmentPerSlot === 'number' && calendar.appoinmentPerSlot > 1 ? calendar.appoinmentPerSlot : 1;
	return overlapping(booked, start, end) < perSlot && overlapping(blocked, start, end) === 0;
}

/** Slots grouped by their date in `timeZone`. */
export function groupByDay(starts: number[], timeZone: string, format: (ms: number) => string): Record<string, { slots: string[] }> {
	const out: Record<string, { slots: string[] }> = {};
	for (const s of starts) (out[localDate(s, timeZone)] ??= { slots: [] }).slots.push(format(s));
	return out;
}
