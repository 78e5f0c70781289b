/**
 * Sales: from the product catalogue to money in. Products and price lists with Vietnamese VAT
 * rates, quotes with exactly computed totals (printable and as PDF), orders with their payments,
 * contracts and subscriptions with renewals (and reminder tasks). Publishes
 * {@link org.sencrm.sales.OrderPlaced} and {@link org.sencrm.sales.OrderPaid} for loyalty,
 * lifecycle stages and analytics; puts orders on the customer's timeline through
 * {@link org.sencrm.timeline.Touchpoint}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "sales",
		allowedDependencies = {"platform", "identity", "directory", "timeline"})
package org.sencrm.sales;
