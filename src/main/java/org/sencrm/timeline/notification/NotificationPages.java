package org.sencrm.timeline.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The bell: its count in the top bar (loaded by htmx) and the notifications page. */
@Controller
class NotificationPages {

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(Model model) {
		model.addAttribute("notifications", notifications.mine(false));
		return "timeline/notifications";
	}

	@GetMapping("/notifications/bell")
	String bell(Model model) {
		model.addAttribute("unread", notifications.unreadCount());
		return "timeline/notifications :: bell";
	}

	@PostMapping("/notifications/read")
	String markAllRead() {
		notifications.markAllRead();
		return "redirect:/notifications";
	}
}
