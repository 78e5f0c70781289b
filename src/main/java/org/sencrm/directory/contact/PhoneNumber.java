package org.sencrm.directory.contact;

/** A phone number in E.164 ({@code +84901234567}); one of them is primary. */
public record PhoneNumber(String number, String label, boolean primary) {
}
