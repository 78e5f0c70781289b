/**
 * Sales: leads to orders. Pipelines with their stages and opportunities on a board; products and
 * price lists with Vietnamese VAT rates, quotes with exactly computed totals (printable, as
 * PDF, sent by email through the timeline), orders with their payments, contracts with renewals (and reminder tasks); the forecast
 * and sales KPIs; leads from web forms, the API and imports, scored, assigned and converted. Other modules use {@link org.sencrm.sales.Opportunities} (an opportunity's
 * customer, amount, stage and owner; creating one) and the events
 * {@link org.sencrm.sales.OpportunityStageChanged}, {@link org.sencrm.sales.OpportunityWon},
 * {@link org.sencrm.sales.OpportunityLost}, {@link org.sencrm.sales.OrderPlaced} and
 * {@link org.sencrm.sales.OrderPaid}. Stage changes and orders reach the customer's timeline
 * through the timeline's {@code Touchpoint} event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "sales",
		allowedDependencies = {"platform", "identity", "directory", "timeline", "trash", "exchange"})
package org.sencrm.sales;
