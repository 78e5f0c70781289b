package org.sencrm.directory.person;

import org.sencrm.identity.UserDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Which order names are shown in for the current request: the workspace's rule applied to the language. */
@Component
public class NameOrder {

	private final UserDirectory users;

	NameOrder(UserDirectory users) {
		this.users = users;
	}

	public boolean familyFirst() {
		return users.workspace().familyNameFirst(LocaleContextHolder.getLocale().getLanguage());
	}
}
