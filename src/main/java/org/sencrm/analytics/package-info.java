/**
 * Analytics: how much each customer is worth and will be worth — historic value, predicted lifetime
 * value (BG/NBD purchases and Gamma-Gamma spend, checked on a holdout period), RFM, the 80/20 of
 * revenue, segments, dashboards and reports (issue 11). It reads other modules through their public
 * surfaces and its own read models and listens to sales events.
 *
 * <p>The customer-value models ({@code model}) are plain Java with no database or Spring beans, fitted
 * by maximum likelihood (decision 43). The module reads orders through the sales module's
 * {@code order_facts} view and keeps its own read models ({@code customer_values},
 * {@code value_models}, {@code analytics_settings}; decision 44).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = {"platform", "identity", "trash", "exchange", "directory", "timeline", "sales"})
package org.sencrm.analytics;
