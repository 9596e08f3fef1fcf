import * as calendarSearch from './calendarSearch';
import * as contactSearch from './listSearch';

export * as loadOptions from './loadOptions';
export const listSearch = { ...contactSearch, ...calendarSearch };
