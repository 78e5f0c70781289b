package org.sencrm.sales.lead;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML a workspace pastes into its website: a plain form that posts to the public intake
 * (it works without JavaScript; the browser then shows the thank-you page), with the honeypot
 * field hidden off screen, and a few lines of script that send it in the background instead and
 * show the thank-you message or the problems in place. Labels in the form's language.
 */
@Component
class WebFormSnippet {

	private final MessageSource messages;

	WebFormSnippet(MessageSource messages) {
		this.messages = messages;
	}

	String submitUrl(String base, WebForm form) {
		return base + WebFormCors.PATH + form.key();
	}

	String html(String base, WebForm form) {
		var locale = Locale.forLanguageTag(form.language());
		var html = new StringBuilder();
		html.append("<form class=\"sen-form\" method=\"post\" accept-charset=\"UTF-8\" action=\"")
				.append(escape(submitUrl(base, form))).append("\">\n");
		for (var field : form.fields()) {
			var id = "sen-" + field.name();
			var label = messages.getMessage("lead.field." + field.name(), null, field.name(), locale);
			var required = field.required() ? " required" : "";
			html.append("  <p><label for=\"").append(id).append("\">").append(escape(label)).append(field.required() ? " *" : "")
					.append("</label><br>\n    ");
			if (field.name().equals("message")) {
				html.append("<textarea id=\"").append(id).append("\" name=\"message\" rows=\"4\"").append(required).append("></textarea>");
			} else {
				html.append("<input id=\"").append(id).append("\" name=\"").append(field.name()).append("\" type=\"")
						.append(inputType(field.name())).append("\"").append(autocomplete(field.name())).append(required).append(">");
			}
			html.append("</p>\n");
		}
		html.append("  <p style=\"position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden\" aria-hidden=\"true\">")
				.append("<label>").append(escape(messages.getMessage("lead.snippet.honeypot", null, locale)))
				.append(" <input type=\"text\" name=\"").append(WebForm.HONEYPOT).append("\" tabindex=\"-1\" autocomplete=\"off\"></label></p>\n");
		if (form.consentText() != null) {
			html.append("  <p><label><input type=\"checkbox\" name=\"").append(WebForm.CONSENT).append("\" value=\"yes\"")
					.append(form.consentRequired() ? " required" : "").append("> ").append(escape(form.consentText()))
					.append("</label></p>\n");
		}
		html.append("  <p><button type=\"submit\">").append(escape(messages.getMessage("lead.snippet.send", null, locale)))
				.append("</button></p>\n</form>\n");
		html.append("""
				<script>
				(function () {
				  var form = document.currentScript.previousElementSibling;
				  form.addEventListener('submit', function (event) {
				    event.preventDefault();
				    fetch(form.action, {method: 'POST', headers: {'Accept': 'application/json'}, body: new URLSearchParams(new FormData(form))})
				      .then(function (response) { return response.json().then(function (body) { return {ok: response.ok, body: body}; }); })
				      .then(function (result) {
				        var note = document.createElement('p');
				        note.setAttribute('role', 'status');
				        note.textContent = result.ok ? result.body.message
				          : (result.body.errors || []).map(function (e) { return e.message; }).join(' ') || result.body.detail;
				        if (result.ok) { form.replaceWith(note); } else { form.appendChild(note); }
				      })
				      .catch(function () { form.submit(); });
				  });
				})();
				</script>
				""");
		return html.toString();
	}

	private static String inputType(String field) {
		return switch (field) {
			case "email" -> "email";
			case "phone" -> "tel";
			default -> "text";
		};
	}

	private static String autocomplete(String field) {
		return switch (field) {
			case "givenName" -> " autocomplete=\"given-name\"";
			case "familyName" -> " autocomplete=\"family-name\"";
			case "email" -> " autocomplete=\"email\"";
			case "phone" -> " autocomplete=\"tel\"";
			case "companyName" -> " autocomplete=\"organization\"";
			case "jobTitle" -> " autocomplete=\"organization-title\"";
			case "province" -> " autocomplete=\"address-level1\"";
			default -> "";
		};
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
