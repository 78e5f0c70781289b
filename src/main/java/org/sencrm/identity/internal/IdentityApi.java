package org.sencrm.identity.internal;

import java.time.Clock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.sencrm.identity.Access;
import org.sencrm.identity.Role;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1}: tokens, workspaces (instance admin), users and teams (workspace admin). */
@RestController
@RequestMapping("/api/v1")
class IdentityApi {

	record TokenRequest(String email, String password, String name, List<String> scopes) {
	}

	record WorkspaceRequest(String name, String adminEmail, String adminPassword, String adminName, String defaultLanguage) {
	}

	record UserRequest(String email, String displayName, String role, String password, Boolean active) {
	}

	record TeamRequest(String name, List<UUID> memberIds) {
	}

	record SettingsRequest(String name, String defaultLanguage, String timeZone, String currency, String nameOrder) {
	}

	private final SignIn signIn;
	private final ApiTokens tokens;
	private final Workspaces workspaces;
	private final Users users;
	private final Teams teams;
	private final UserDirectory directory;
	private final Access access;
	private final Clock clock;
	private final RateLimiter tokenRequests = new RateLimiter(10, java.time.Duration.ofMinutes(1));

	IdentityApi(SignIn signIn, ApiTokens tokens, Workspaces workspaces, Users users, Teams teams, UserDirectory directory,
			Access access, Clock clock) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.workspaces = workspaces;
		this.users = users;
		this.teams = teams;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	/** Exchanges an email and password for a new API token (read and write unless asked otherwise). Rate-limited. */
	@PostMapping("/auth/tokens")
	ResponseEntity<Map<String, Object>> token(@RequestBody TokenRequest request, HttpServletRequest http) {
		// Per address and login: one client cannot hammer a login, and one login's lockout cannot be used to block others.
		if (!tokenRequests.tryAcquire(http.getRemoteAddr() + "|" + String.valueOf(request.email()).strip().toLowerCase())) {
			throw new org.sencrm.platform.TooManyRequestsException();
		}
		var problems = new ValidationException.Collector();
		if (request.email() == null || request.email().isBlank()) {
			problems.add("email", "validation.required");
		}
		if (request.password() == null || request.password().isEmpty()) {
			problems.add("password", "validation.required");
		}
		problems.throwIfAny();
		org.sencrm.identity.CurrentUser user;
		try {
			user = signIn.check(request.email(), request.password());
		} catch (LockedException e) {
			throw new org.sencrm.platform.NotAuthenticatedException("error.locked");
		} catch (AuthenticationException e) {
			throw new org.sencrm.platform.NotAuthenticatedException("error.bad-credentials");
		}
		var name = request.name() == null || request.name().isBlank() ? "API " + Instant.now(clock) : request.name();
		var scopes = request.scopes() == null || request.scopes().isEmpty() ? ApiTokens.SCOPES : request.scopes();
		var created = WorkspaceContext.callAs(new WorkspaceContext.Scope(user.workspaceId(), user.id(), user.displayName()),
				() -> tokens.create(user, name, scopes));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", created.token(), "id", created.info().id(),
				"scopes", created.info().scopes(), "workspaceId", user.workspaceId(), "userId", user.id()));
	}

	@GetMapping("/me")
	Map<String, Object> me() {
		var user = access.currentUser();
		return Map.of("id", user.id(), "workspaceId", user.workspaceId(), "email", user.email(), "displayName",
				user.displayName(), "role", user.role().key(), "instanceAdmin", user.instanceAdmin());
	}

	@GetMapping("/tokens")
	List<ApiTokens.TokenInfo> myTokens() {
		return tokens.of(access.currentUser());
	}

	@PostMapping("/tokens")
	ResponseEntity<Map<String, Object>> createToken(@RequestBody TokenRequest request) {
		var created = tokens.create(access.currentUser(), request.name(), request.scopes() == null ? ApiTokens.SCOPES : request.scopes());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("token", created.token(), "id", created.info().id(),
				"scopes", created.info().scopes(), "name", created.info().name()));
	}

	@DeleteMapping("/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable String id) {
		tokens.revoke(access.currentUser(), Ids.parse(id, "entity.token"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/workspaces")
	List<org.sencrm.identity.WorkspaceSettings> workspaces() {
		access.requireInstanceAdmin();
		return workspaces.all();
	}

	@PostMapping("/workspaces")
	ResponseEntity<org.sencrm.identity.WorkspaceSettings> createWorkspace(@RequestBody WorkspaceRequest request) {
		access.requireInstanceAdmin();
		var id = workspaces.create(new Workspaces.NewWorkspace(request.name(), request.adminEmail(), request.adminPassword(),
				request.adminName(), request.defaultLanguage(), false));
		return ResponseEntity.created(URI.create("/api/v1/workspaces/" + id)).body(workspaces.find(id).orElseThrow());
	}

	@GetMapping("/workspace")
	org.sencrm.identity.WorkspaceSettings workspaceSettings() {
		return directory.workspace();
	}

	/** Changes the current workspace's settings (admin); fields left out keep their value. */
	@PatchMapping("/workspace")
	org.sencrm.identity.WorkspaceSettings changeSettings(@RequestBody SettingsRequest request) {
		access.requireAdmin();
		var current = workspaces.current(); // as stored, not as cached: the fields left out keep what is there now
		workspaces.update(current.id(), request.name() == null ? current.name() : request.name(),
				request.defaultLanguage() == null ? current.defaultLanguage() : request.defaultLanguage(),
				request.timeZone() == null ? current.timeZone() : request.timeZone(),
				request.currency() == null ? current.currency() : request.currency(),
				request.nameOrder() == null ? current.nameOrder() : request.nameOrder());
		return workspaces.current();
	}

	@GetMapping("/users")
	List<UserDirectory.UserSummary> users() {
		return directory.users();
	}

	@PostMapping("/users")
	ResponseEntity<UserDirectory.UserSummary> createUser(@RequestBody UserRequest request) {
		access.requireAdmin();
		var id = users.create(request.email(), request.displayName(), role(request.role()), request.password());
		return ResponseEntity.created(URI.create("/api/v1/users/" + id)).body(directory.user(id).orElseThrow());
	}

	@PatchMapping("/users/{id}")
	UserDirectory.UserSummary updateUser(@PathVariable String id, @RequestBody UserRequest request) {
		access.requireAdmin();
		var userId = Ids.parse(id, "entity.user");
		var current = directory.user(userId).orElseThrow(() -> new org.sencrm.platform.NotFoundException("entity.user"));
		users.update(userId, request.displayName() == null ? current.displayName() : request.displayName(),
				request.role() == null ? current.role() : role(request.role()),
				request.active() == null ? current.active() : request.active());
		return directory.user(userId).orElseThrow();
	}

	@GetMapping("/teams")
	List<Teams.Team> teams() {
		return teams.all();
	}

	@PostMapping("/teams")
	ResponseEntity<Teams.Team> createTeam(@RequestBody TeamRequest request) {
		access.requireAdmin();
		var team = teams.create(request.name(), request.memberIds());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(team);
	}

	@PutMapping("/teams/{id}/members")
	Teams.Team setMembers(@PathVariable String id, @RequestBody List<UUID> memberIds) {
		access.requireAdmin();
		return teams.setMembers(Ids.parse(id, "entity.team"), memberIds);
	}

	@DeleteMapping("/teams/{id}")
	ResponseEntity<Void> deleteTeam(@PathVariable String id) {
		access.requireAdmin();
		teams.delete(Ids.parse(id, "entity.team"));
		return ResponseEntity.noContent().build();
	}

	private static Role role(String key) {
		try {
			return key == null ? null : Role.fromKey(key);
		} catch (IllegalArgumentException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("role", "validation.choice")));
		}
	}
}
