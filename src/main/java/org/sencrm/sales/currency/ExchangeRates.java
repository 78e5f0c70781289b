package org.sencrm.sales.currency;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.Amounts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's exchange rates into its base currency (the workspace's currency, decision 16).
 * Everyone reads them; administrators enter them. A rate for a currency and day that exists
 * already is replaced; every change goes to the rate's history.
 */
@Service
public class ExchangeRates {

	static final String ENTITY = "exchange_rate";
	/** Decimals a rate may have (numeric(28, 10)): enough for 1 VND in USD (0.0000393701). */
	private static final int MAX_DECIMALS = 10;
	private static final int MAX_INTEGER_DIGITS = 18;

	/** A rate as sent: {@code rateToBase} base units for one unit of {@code currency} from {@code validFrom}. */
	@Schema(name = "ExchangeRateDraft")
	public record Draft(String currency, BigDecimal rateToBase, LocalDate validFrom) {
	}

	/** The saved rate, and whether it is new or replaced one of the same currency and day. */
	public record Saved(ExchangeRate rate, boolean created) {
	}

	private final JdbcClient jdbc;
	private final Access access;
	private final UserDirectory users;
	private final History history;

	ExchangeRates(JdbcClient jdbc, Access access, UserDirectory users, History history) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.history = history;
	}

	/** The workspace's base currency: its currency setting (VND unless changed). */
	public String baseCurrency() {
		return users.workspace().currency();
	}

	/** Every rate, of the current base first, by currency and newest first. */
	@Transactional(readOnly = true)
	public List<ExchangeRate> list() {
		return jdbc.sql("""
				select * from exchange_rates where workspace_id = :ws
				order by base_currency <> :base, base_currency, currency, valid_from desc""")
				.param("ws", WorkspaceContext.workspaceId()).param("base", baseCurrency())
				.query(ExchangeRates::rate)
				.list();
	}

	/** The rates valid on {@code day}: per currency the newest one into the current base from on or before it. */
	@Transactional(readOnly = true)
	public Rates on(LocalDate day) {
		var base = baseCurrency();
		var rates = new LinkedHashMap<String, ExchangeRate>();
		jdbc.sql("""
				select distinct on (currency) * from exchange_rates
				where workspace_id = :ws and base_currency = :base and valid_from <= :day
				order by currency, valid_from desc""")
				.param("ws", WorkspaceContext.workspaceId()).param("base", base).param("day", Date.valueOf(day))
				.query(ExchangeRates::rate)
				.list().forEach(r -> rates.put(r.currency(), r));
		return new Rates(base, day, Map.copyOf(rates));
	}

	/** Enters a rate into the current base currency, or replaces the one of the same currency and day. */
	@Transactional
	public Saved set(Draft draft) {
		access.requireAdmin();
		var base = baseCurrency();
		var problems = new ValidationException.Collector();
		var currency = Amounts.currency(draft.currency(), "currency", problems);
		if (base.equals(currency)) {
			problems.add("currency", "validation.exchange-rate.base", base);
		}
		var rate = draft.rateToBase();
		if (rate == null) {
			problems.add("rateToBase", "validation.required");
		} else if (rate.signum() <= 0) {
			problems.add("rateToBase", "validation.exchange-rate.positive");
		} else {
			rate = plain(rate);
			if (rate.scale() > MAX_DECIMALS || rate.precision() - rate.scale() > MAX_INTEGER_DIGITS) {
				problems.add("rateToBase", "validation.exchange-rate.digits", MAX_DECIMALS);
			}
		}
		if (draft.validFrom() == null) {
			problems.add("validFrom", "validation.required");
		} else if (draft.validFrom().getYear() < 2000 || draft.validFrom().getYear() > 2200) {
			problems.add("validFrom", "validation.date");
		}
		problems.throwIfAny();
		var existing = find(base, currency, draft.validFrom());
		var saved = new ExchangeRate(existing.map(ExchangeRate::id).orElseGet(Ids::next), currency, base, rate, draft.validFrom());
		jdbc.sql("""
				insert into exchange_rates (id, workspace_id, currency, base_currency, rate_to_base, valid_from)
				values (:id, :ws, :currency, :base, :rate, :from)
				on conflict (workspace_id, base_currency, currency, valid_from)
				do update set rate_to_base = excluded.rate_to_base, updated_at = now()""")
				.param("id", saved.id()).param("ws", WorkspaceContext.workspaceId()).param("currency", currency)
				.param("base", base).param("rate", saved.rateToBase()).param("from", Date.valueOf(saved.validFrom()))
				.update();
		if (existing.isPresent()) {
			history.updated(ENTITY, saved.id(), values(existing.get()), values(saved));
		} else {
			history.created(ENTITY, saved.id(), values(saved));
		}
		return new Saved(saved, existing.isEmpty());
	}

	@Transactional
	public void delete(UUID id) {
		access.requireAdmin();
		var rate = jdbc.sql("select * from exchange_rates where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id)
				.query(ExchangeRates::rate).optional()
				.orElseThrow(() -> new NotFoundException("entity.exchangeRate"));
		jdbc.sql("delete from exchange_rates where workspace_id = :ws and id = :id")
				.param("ws", WorkspaceContext.workspaceId()).param("id", id).update();
		history.deleted(ENTITY, id, values(rate));
	}

	private Optional<ExchangeRate> find(String base, String currency, LocalDate validFrom) {
		return jdbc.sql("""
				select * from exchange_rates
				where workspace_id = :ws and base_currency = :base and currency = :currency and valid_from = :from""")
				.param("ws", WorkspaceContext.workspaceId()).param("base", base).param("currency", currency)
				.param("from", Date.valueOf(validFrom))
				.query(ExchangeRates::rate)
				.optional();
	}

	private static ExchangeRate rate(ResultSet rs, int row) throws SQLException {
		return new ExchangeRate(rs.getObject("id", UUID.class), rs.getString("currency").strip(), rs.getString("base_currency").strip(),
				plain(rs.getBigDecimal("rate_to_base")), rs.getDate("valid_from").toLocalDate());
	}

	/** 25400.0000000000 as 25400, 0.0000393701 as it is: no trailing zeros, never an exponent. */
	private static BigDecimal plain(BigDecimal rate) {
		var stripped = rate.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static Map<String, Object> values(ExchangeRate rate) {
		var values = new LinkedHashMap<String, Object>();
		values.put("currency", rate.currency());
		values.put("baseCurrency", rate.baseCurrency());
		values.put("rateToBase", rate.rateToBase().toPlainString());
		values.put("validFrom", rate.validFrom().toString());
		return values;
	}
}
