package org.sencrm.timeline.notification;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the caller's bell. */
@RestController
class NotificationApi {

	private final Notifications notifications;

	NotificationApi(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/notifications")
	Map<String, Object> mine(@RequestParam(defaultValue = "false") boolean unread) {
		List<Notification> items = notifications.mine(unread);
		return Map.of("unread", notifications.unreadCount(), "items", items);
	}

	@PostMapping("/api/v1/notifications/read")
	ResponseEntity<Void> markAllRead() {
		notifications.markAllRead();
		return ResponseEntity.noContent().build();
	}
}
