/**
 * Sales: pipelines with their stages, opportunities on a board, and (from the other sales
 * packages) leads, products, quotes, orders and the forecast. Other modules use
 * {@link org.sencrm.sales.Opportunities} (an opportunity's customer, amount, stage and owner; creating
 * one, for lead conversion) and the events {@link org.sencrm.sales.OpportunityStageChanged},
 * {@link org.sencrm.sales.OpportunityWon} and {@link org.sencrm.sales.OpportunityLost}. Stage changes
 * reach the customer's timeline through the timeline's {@code Touchpoint} event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "directory", "timeline"})
package org.sencrm.sales;
