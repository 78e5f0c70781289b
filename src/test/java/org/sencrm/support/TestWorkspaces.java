package org.sencrm.support;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.sencrm.identity.CurrentUser;
import org.sencrm.identity.Role;
import org.sencrm.identity.internal.ApiTokens;
import org.sencrm.identity.internal.SignIn;
import org.sencrm.identity.internal.Teams;
import org.sencrm.identity.internal.Users;
import org.sencrm.identity.internal.Workspaces;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.boot.test.context.TestComponent;

/** Builds a fresh workspace with one user of every role (and a second sales user), each with an API token. */
@TestComponent
public class TestWorkspaces {

	public static final String PASSWORD = "correct-horse-battery";
	private static final AtomicInteger counter = new AtomicInteger();

	public record Member(UUID id, String email, String token) {
	}

	/** A workspace made for one test; sales and sales2 share the team {@code teamId}, other is outside it. */
	public record TestWorkspace(UUID id, Map<Role, Member> members, Member otherSales, UUID teamId) {
		public Member member(Role role) {
			return members.get(role);
		}
	}

	private final Workspaces workspaces;
	private final Users users;
	private final Teams teams;
	private final SignIn signIn;
	private final ApiTokens tokens;

	TestWorkspaces(Workspaces workspaces, Users users, Teams teams, SignIn signIn, ApiTokens tokens) {
		this.workspaces = workspaces;
		this.users = users;
		this.teams = teams;
		this.signIn = signIn;
		this.tokens = tokens;
	}

	public TestWorkspace create() {
		var n = counter.incrementAndGet() + "-" + System.nanoTime();
		var adminEmail = "admin-" + n + "@test.sen";
		var id = workspaces.create(new Workspaces.NewWorkspace("Test " + n, adminEmail, PASSWORD, "Admin " + n, "en", false));
		return WorkspaceContext.callAsSystem(id, () -> {
			var members = new EnumMap<Role, Member>(Role.class);
			members.put(Role.ADMIN, member(adminEmail));
			for (var role : List.of(Role.MANAGER, Role.SALES, Role.MARKETING, Role.SUPPORT, Role.VIEWER)) {
				var email = role.key() + "-" + n + "@test.sen";
				users.create(email, role.key() + " " + n, role, PASSWORD);
				members.put(role, member(email));
			}
			var otherEmail = "sales2-" + n + "@test.sen";
			users.create(otherEmail, "Other sales " + n, Role.SALES, PASSWORD);
			var teamMateEmail = "teammate-" + n + "@test.sen";
			var teamMate = users.create(teamMateEmail, "Team mate " + n, Role.SALES, PASSWORD);
			var team = teams.create("Team " + n, List.of(members.get(Role.SALES).id(), teamMate));
			// tokens are made after the team so the principals know their team
			members.put(Role.SALES, member(members.get(Role.SALES).email()));
			return new TestWorkspace(id, members, member(otherEmail), team.id());
		});
	}

	/** A workspace filled with the demo data (as on a first start), and its administrator. */
	public Member demo() {
		var n = counter.incrementAndGet() + "-" + System.nanoTime();
		var adminEmail = "demo-admin-" + n + "@test.sen";
		workspaces.create(new Workspaces.NewWorkspace("Demo " + n, adminEmail, PASSWORD, "Demo admin " + n, "vi", false, true));
		return member(adminEmail);
	}

	public Member member(String email) {
		CurrentUser user = signIn.check(email, PASSWORD);
		// a token never exceeds its user's role: the viewer's reads only
		var token = WorkspaceContext.callAs(new WorkspaceContext.Scope(user.workspaceId(), user.id(), user.displayName()),
				() -> tokens.create(user, "test", ApiTokens.allowedScopes(user)).token());
		return new Member(user.id(), email, token);
	}
}
