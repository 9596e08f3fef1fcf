import type { INodeProperties } from 'n8n-workflow';
import { recordLocator } from '../kit';
import { base } from '../appointmentNote/fields';

// ---- Calendar notifications --------------------------------------------------------------------
export 
const options = (values: Array<[string, string]>): INodeProperties['options'] => values.map(([name, value]) => ({ name, value }));

export const receiverType: INodeProperties = {
	displayName: 'Receiver',
	name: 'receiverType',
	type: 'options',
	options: options([
		['Assigned User', 'assignedUser'],
		['Business', 'business'],
		['Contact', 'contact'],
		['Emails', 'emails'],
		['Guest', 'guest'],
		['Phone Numbers', 'phoneNumbers'],
	]),
	default: 'contact',
};

export const channel: INodeProperties = {
	displayName: 'Channel',
	name: 'channel',
	type: 'options',
	options: options([
		['Email', 'email'],
		['In App', 'inApp'],
		['SMS', 'sms'],
		['WhatsApp', 'whatsapp'],
	]),
	default: 'email',
};

export const notificationType: INodeProperties = {
	displayName: 'When',
	name: 'notificationType',
	type: 'options',
	options: options([
		['Booked', 'booked'],
		['Cancellation', 'cancellation'],
		['Confirmation', 'confirmation'],
		['Follow-Up', 'followup'],
		['Reminder', 'reminder'],
		['Reschedule', 'reschedule'],
	]),
	default: 'booked',
};

export const notificationOptions: INodeProperties[] = [
	{ displayName: 'Active', name: 'isActive', type: 'boolean', default: true, description: 'Whether the notification is sent' },
	{ displayName: 'Additional Emails', name: 'additionalEmailIds', type: 'string', default: '', description: 'Comma-separated emails (receiver "Emails")' },
	{ displayName: 'Additional Phone Numbers', name: 'additionalPhoneNumbers', type: 'string', default: '', description: 'Comma-separated numbers (receiver "Phone Numbers")' },
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '' },
	{ displayName: 'From Address', name: 'fromAddress', type: 'string', default: '' },
	{ displayName: 'From Name', name: 'fromName', type: 'string', default: '' },
	{ displayName: 'From Number', name: 'fromNumber', type: 'string', default: '' },
	{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
	{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '' },
];

export const listFields = { additionalEmailIds: { send: { as: 'list' as const } }, additionalPhoneNumbers: { send: { as: 'list' as const } } };

export const notificationParam = recordLocator({ name: 'notificationId', displayName: 'Notification', searchMethod: 'searchCalendarNotifications', send: { in: 'path' } });

export const notificationBase = { ...base, resource: 'calendarNotification', location: { in: 'token' as const } };
