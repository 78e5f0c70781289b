package org.sencrm.sales.pipeline;

/** What the API and the pipeline page send for a new or changed stage; {@code position} counts from 0. */
public record StageDraft(String name, Integer probability, String kind, Integer position, Boolean archived) {
}
