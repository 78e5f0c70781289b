package org.sencrm.directory.quality;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The data-quality page: each figure with a link to the list it counts, where that list exists. */
@Controller
class DataQualityPage {

	private final DataQuality quality;

	DataQualityPage(DataQuality quality) {
		this.quality = quality;
	}

	@GetMapping("/data-quality")
	String show(Model model) {
		model.addAttribute("report", quality.report());
		return "directory/quality/report";
	}
}
