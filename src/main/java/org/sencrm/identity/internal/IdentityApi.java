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
import org.sencrm.platform.web.ApiBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

	record TokenRequest(String email, String password, String code, String name, List<String> scopes) {
	}

	/** A token for the signed-in user: its name and scopes (its own record so the document does not ask for a password). */
	record NewTokenRequest(String name, List<String> scopes) {
	}

	record WorkspaceRequest(String name, String adminEmail, String adminPassword, String adminName, String defaultLanguage,
			Boolean temporaryPassword) {
	}

	record UserRequest(String email, String displayName, String role, String password, Boolean active, Boolean temporaryPassword) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record TemporaryPassword(String password) {
	}

	record SignInPolicy(Boolean requireTwoFactor) {
	}

	record TeamRequest(String name, List<UUID> memberIds) {
	}

	record SettingsRequest(String name, String defaultLanguage, String timeZone, String currency, String nameOrder) {
	}

	/** The roles that may export lists (decision 20). */
	record ExportRoles(List<String> roles) {
	}

	private final SignIn signIn;
	private final ApiTokens tokens;
	private final Workspaces workspaces;
	private final Users users;
	private final Teams teams;
	private final UserDirectory directory;
	private final Access access;
	private final Clock clock;
	private final SignInThrottle throttle;
	private final AccountPasswords passwords;
	private final TwoFactor twoFactor;
	private final SignedInSessions sessions;

	IdentityApi(SignIn signIn, ApiTokens tokens, Workspaces workspaces, Users users, Teams teams, UserDirectory directory,
			Access access, Clock clock, SignInThrottle throttle, AccountPasswords passwords, TwoFactor twoFactor,
			SignedInSessions sessions) {
		this.throttle = throttle;
		this.passwords = passwords;
		this.twoFactor = twoFactor;
		this.sessions = sessions;
		this.signIn = signIn;
		this.tokens = tokens;
		this.workspaces = workspaces;
		this.users = users;
		this.teams = teams;
		this.directory = directory;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * Exchanges an email and password (and the authenticator's code, for users with two-factor
	 * sign-in) for a new API token, with the scopes asked for or all the user's role allows.
	 * Rate-limited per address and login, like the sign-in form. An unknown email, a wrong
	 * password and a locked login get the same answer.
	 */
	@PostMapping("/auth/tokens")
	@ApiBody(required = {"email", "password"})
	@SecurityRequirements
	@ApiResponse(responseCode = "401", description = "Wrong email or password (error.bad-credentials), or the login is locked (error.locked).")
	@ApiResponse(responseCode = "429", description = "Too many attempts from this address for this email (10 a minute).")
	ResponseEntity<Map<String, Object>> token(@RequestBody TokenRequest request, HttpServletRequest http) {
		if (!throttle.tryAcquire(http, request.email())) {
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
		} catch (AuthenticationException e) {
			throw new org.sencrm.platform.NotAuthenticatedException("error.bad-credentials");
		}
		var state = signIn.state(user);
		if (state.twoFactorEnabled()) {
			if (request.code() == null || request.code().isBlank()) {
				throw new org.sencrm.platform.NotAuthenticatedException("identity.code-required");
			}
			if (!twoFactor.verify(user.id(), request.code())) {
				throw new org.sencrm.platform.NotAuthenticatedException("error.bad-credentials");
			}
		}
		if (state.mustChangePassword()) {
			throw org.sencrm.platform.AccessDeniedException.because("identity.password-change-required");
		}
		if (state.twoFactorRequired() && !state.twoFactorEnabled()) {
			throw org.sencrm.platform.AccessDeniedException.because("identity.two-factor-setup-required");
		}
		var name = request.name() == null || request.name().isBlank() ? "API " + Instant.now(clock) : request.name();
		var scopes = request.scopes() == null || request.scopes().isEmpty() ? ApiTokens.allowedScopes(user) : request.scopes();
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

	/** Changes the caller's own password: 204; the old one stops working and every web session of the user ends. */
	@PostMapping("/me/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange request) {
		passwords.change(access.currentUser(), request.currentPassword(), request.newPassword(), null, false);
		return ResponseEntity.noContent().build();
	}

	/** Signs the caller out of every browser. */
	@DeleteMapping("/me/sessions")
	ResponseEntity<Void> signOutEverywhere() {
		sessions.signOut(access.currentUser().id(), null);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/tokens")
	List<ApiTokens.TokenInfo> myTokens() {
		return tokens.of(access.currentUser());
	}

	@PostMapping("/tokens")
	@ApiBody(required = "name")
	ResponseEntity<Map<String, Object>> createToken(@RequestBody NewTokenRequest request) {
		var user = access.currentUser();
		var created = tokens.create(user, request.name(), request.scopes() == null ? ApiTokens.allowedScopes(user) : request.scopes());
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
	@ApiBody(required = {"name", "adminEmail", "adminPassword"})
	ResponseEntity<org.sencrm.identity.WorkspaceSettings> createWorkspace(@RequestBody WorkspaceRequest request) {
		access.requireInstanceAdmin();
		var id = workspaces.create(new Workspaces.NewWorkspace(request.name(), request.adminEmail(), request.adminPassword(),
				request.adminName(), request.defaultLanguage(), false, false, !Boolean.FALSE.equals(request.temporaryPassword())));
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

	@GetMapping("/workspace/export-roles")
	ExportRoles exportRoles() {
		return new ExportRoles(access.exportRoles(access.currentUser().workspaceId()).stream().map(Role::key).toList());
	}

	/** Sets which roles may export lists (admin); the list replaces the one before. */
	@PutMapping("/workspace/export-roles")
	ExportRoles changeExportRoles(@RequestBody ExportRoles request) {
		access.requireAdmin();
		workspaces.allowExport(access.currentUser().workspaceId(), request.roles());
		return exportRoles();
	}

	@GetMapping("/users")
	List<UserDirectory.UserSummary> users() {
		return directory.users();
	}

	@PostMapping("/users")
	@ApiBody(required = {"email", "displayName", "role", "password"})
	ResponseEntity<UserDirectory.UserSummary> createUser(@RequestBody UserRequest request) {
		access.requireAdmin();
		// the admin chose the password, so it is temporary unless asked otherwise
		var id = users.create(request.email(), request.displayName(), role(request.role()), request.password(),
				!Boolean.FALSE.equals(request.temporaryPassword()));
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

	/** Sets a temporary password the user must change at the next sign-in; the user's web sessions end. */
	@PostMapping("/users/{id}/temporary-password")
	ResponseEntity<Void> setTemporaryPassword(@PathVariable String id, @RequestBody TemporaryPassword request) {
		access.requireAdmin();
		passwords.setTemporary(Ids.parse(id, "entity.user"), request.password());
		return ResponseEntity.noContent().build();
	}

	/** Turns two-factor sign-in off for a user who lost the authenticator and the recovery codes. */
	@DeleteMapping("/users/{id}/two-factor")
	ResponseEntity<Void> turnOffTwoFactor(@PathVariable String id) {
		access.requireAdmin();
		var user = directory.user(Ids.parse(id, "entity.user")).orElseThrow(() -> new org.sencrm.platform.NotFoundException("entity.user"));
		twoFactor.turnOff(user.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/workspace/sign-in-policy")
	SignInPolicy signInPolicy() {
		return new SignInPolicy(workspaces.requiresTwoFactor());
	}

	/** Whether everyone in the workspace must use two-factor sign-in (admin). */
	@PutMapping("/workspace/sign-in-policy")
	SignInPolicy changeSignInPolicy(@RequestBody SignInPolicy request) {
		access.requireAdmin();
		if (request.requireTwoFactor() == null) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("requireTwoFactor", "validation.required")));
		}
		workspaces.requireTwoFactor(request.requireTwoFactor());
		return new SignInPolicy(workspaces.requiresTwoFactor());
	}

	@GetMapping("/teams")
	List<Teams.Team> teams() {
		return teams.all();
	}

	@PostMapping("/teams")
	@ApiBody(required = "name")
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
