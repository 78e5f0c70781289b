package org.sencrm.identity.internal;

import org.sencrm.identity.CurrentUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST and the sign-out. */
@Controller
class SignInPage {

	@GetMapping("/login")
	String signIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser ? "redirect:/" : "identity/login";
	}
}
