package example.architecture.violation.billing;

import example.architecture.violation.accounts.internal.Ledger;

public class Invoice {
	int total(Ledger ledger) {
		return ledger.balance();
	}
}
