package org.sencrm.sales.pipeline;

import java.util.List;

/** A new or changed pipeline; {@code stages} only when creating one (none: a simple open/won/lost trio). */
public record PipelineDraft(String name, Integer position, Boolean archived, List<StageDraft> stages) {
}
