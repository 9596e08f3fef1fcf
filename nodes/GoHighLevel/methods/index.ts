import * as calendarSearch from './calendarSearch';
import * as contactSearch from './listSearch';
import * as contactOptions from './loadOptions';
import { getBlogAuthors, getBlogCategories, searchAssociations, searchBlogs, searchConversations } from './otherSearch';

export const loadOptions = { ...contactOptions, getBlogAuthors, getBlogCategories };
export const listSearch = { ...contactSearch, ...calendarSearch, searchAssociations, searchBlogs, searchConversations };
