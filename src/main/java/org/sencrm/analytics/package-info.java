/**
 * Analytics: how much each customer is worth and will be worth — historic value, predicted lifetime
 * value (BG/NBD purchases and Gamma-Gamma spend, checked on a holdout period), RFM, the 80/20 of
 * revenue, segments, dashboards and reports (issue 11). It reads other modules through their public
 * surfaces and its own read models and listens to sales events.
 *
 * <p>So far it holds the customer-value models ({@code model}): plain Java with no database or Spring
 * beans, fitted by maximum likelihood (decision 43). The public facade comes when the module is wired.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.sencrm.analytics;
