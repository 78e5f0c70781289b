package org.sencrm.analytics.settings;

import org.sencrm.analytics.AnalyticsSettings;
import org.sencrm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the bound workspace's analytics settings; the defaults while it has no row. */
@Repository
public class AnalyticsSettingsRepository {

	private final JdbcClient jdbc;

	AnalyticsSettingsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public AnalyticsSettings current() {
		return jdbc.sql("""
				select discount_rate_per_year, horizon_weeks, margin_percent, time_unit, tier_a_percent, tier_b_percent,
				  at_risk_probability, churned_probability, at_risk_interval_factor, churned_interval_factor, version
				from analytics_settings where workspace_id = :ws""")
				.param("ws", WorkspaceContext.workspaceId())
				.query((rs, n) -> new AnalyticsSettings(rs.getBigDecimal(1), rs.getInt(2), rs.getBigDecimal(3),
						rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getDouble(7), rs.getDouble(8),
						rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getInt(11)))
				.optional().orElse(AnalyticsSettings.DEFAULTS);
	}
}
