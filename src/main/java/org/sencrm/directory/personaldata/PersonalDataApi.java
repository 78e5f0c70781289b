package org.sencrm.directory.personaldata;

import java.util.Map;

import org.sencrm.directory.PersonalData;
import org.sencrm.platform.Ids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/persons/{id}/personal-data}: everything kept about one person, as one JSON
 * document (whoever may edit the person). {@code POST /api/v1/persons/{id}/erase}: erases it
 * everywhere (admins), answering 200 with what was erased per section. Decision 26.
 */
@RestController
class PersonalDataApi {

	private final PersonalData personalData;

	PersonalDataApi(PersonalData personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/v1/persons/{id}/personal-data")
	Map<String, Object> export(@PathVariable String id) {
		return personalData.export(Ids.parse(id, "entity.person"));
	}

	@PostMapping("/api/v1/persons/{id}/erase")
	PersonalData.Erased erase(@PathVariable String id) {
		return personalData.erase(Ids.parse(id, "entity.person"));
	}
}
