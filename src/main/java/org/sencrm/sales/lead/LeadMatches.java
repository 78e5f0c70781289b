package org.sencrm.sales.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sencrm.directory.CustomerIntake;
import org.sencrm.directory.NameOrder;
import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The likely duplicates of a lead: persons and organizations of the directory with the same
 * email, phone or tax code or a similar name (the directory decides what is similar), and other
 * open leads with the same email, phone, tax code, name or company.
 */
@Component
class LeadMatches {

	private final CustomerIntake directory;
	private final LeadRepository leads;
	private final UserDirectory users;

	LeadMatches(CustomerIntake directory, LeadRepository leads, UserDirectory users) {
		this.directory = directory;
		this.leads = leads;
		this.users = users;
	}

	@Transactional(readOnly = true)
	List<LeadMatch> of(Lead lead) {
		var matches = new ArrayList<LeadMatch>();
		for (var m : directory.likelyMatches(candidate(lead))) {
			matches.add(new LeadMatch(m.kind().name().toLowerCase(Locale.ROOT), m.id(), m.name(), m.detail(),
					m.reasons().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).toList()));
		}
		var others = leads.sameAs(lead);
		var unrecognised = others.isEmpty() ? NameOrder.GIVEN_FIRST : NameOrder.forUnrecognised(users.workspace());
		for (var other : leads.byIds(List.copyOf(others.keySet()))) {
			matches.add(new LeadMatch("lead", other.id(), other.title(unrecognised), other.email() != null ? other.email() : other.companyName(),
					List.copyOf(others.get(other.id()))));
		}
		return matches;
	}

	/** How many likely duplicates the lead has: the same lookups as {@link #of}, without describing each. */
	@Transactional(readOnly = true)
	int count(Lead lead) {
		return directory.countLikelyMatches(candidate(lead)) + leads.sameAs(lead).size();
	}

	private static CustomerIntake.Candidate candidate(Lead lead) {
		return new CustomerIntake.Candidate(lead.familyName(), lead.givenName(), lead.email(), lead.phone(), lead.companyName(),
				lead.taxCode());
	}
}
