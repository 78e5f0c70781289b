package org.sencrm.timeline.task;

import java.time.Clock;
import java.time.Instant;

import org.sencrm.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My tasks": the signed-in user's open tasks, overdue first. */
@Controller
class TaskPages {

	private final Tasks tasks;
	private final Clock clock;

	TaskPages(Tasks tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	@GetMapping("/tasks")
	String mine(Model model) {
		var now = Instant.now(clock);
		var mine = tasks.mine();
		model.addAttribute("overdue", mine.stream().filter(t -> t.overdue(now)).toList());
		model.addAttribute("upcoming", mine.stream().filter(t -> !t.overdue(now)).toList());
		return "timeline/tasks";
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(@PathVariable String id, @RequestParam int version, RedirectAttributes redirect) {
		tasks.complete(Ids.parse(id, "entity.task"), version);
		redirect.addFlashAttribute("notice", "task.completed");
		return "redirect:/tasks";
	}
}
