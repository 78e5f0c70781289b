package org.sencrm.directory.contact;

/** An email address of a customer; one of them is primary. */
public record EmailAddress(String address, String label, boolean primary) {
}
