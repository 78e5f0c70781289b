package example.architecture.violation.accounts.internal;

public class Ledger {
	public int balance() {
		return 0;
	}
}
