/**
 * Sales: leads from web forms, the API, manual entry and imports — matched against the directory,
 * scored and assigned by the workspace's rules, qualified and converted into a person, an
 * organization and an opportunity ({@code sales.lead}); pipelines, opportunities, products,
 * quotes and orders in the other sales packages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "directory", "timeline"})
package org.sencrm.sales;
