export { calendarResource } from './calendars';
export { appointmentResource, calendarEventResource } from './events';
export { calendarGroupResource } from './groups';
export { appointmentNoteResource, calendarNotificationResource, calendarResourceResource } from './related';
