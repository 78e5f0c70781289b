/**
 * Timeline: every touchpoint with a customer on one timeline — activities on every channel (note,
 * call, meeting, email, SMS, chat, visit), tasks with reminders, mentions, email out (templates,
 * SMTP or the local outbox) and in (IMAP), and the calendar (iCalendar feed, invitations).
 * Other modules add entries by publishing {@link org.sencrm.timeline.Touchpoint}, hand users tasks
 * through {@link org.sencrm.timeline.FollowUpTasks}, log entries about records that are not customers
 * yet with {@link org.sencrm.timeline.RecordTimeline}, and email customers (files attached, SMTP or the
 * outbox, logged on their timeline) with {@link org.sencrm.timeline.CustomerEmails}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "directory", "trash", "exchange"})
package org.sencrm.timeline;
