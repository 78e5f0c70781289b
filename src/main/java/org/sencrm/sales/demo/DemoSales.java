package org.sencrm.sales.demo;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.sencrm.directory.DemoCustomersCreated;
import org.sencrm.identity.UserDirectory;
import org.sencrm.sales.NewOpportunity;
import org.sencrm.sales.Opportunities;
import org.sencrm.sales.forecast.Period;
import org.sencrm.sales.currency.ExchangeRates;
import org.sencrm.sales.forecast.Quotas;
import org.sencrm.sales.lead.LeadDraft;
import org.sencrm.sales.lead.Leads;
import org.sencrm.sales.opportunity.OpportunityService;
import org.sencrm.sales.order.OrderDraft;
import org.sencrm.sales.order.Orders;
import org.sencrm.sales.pipeline.Pipeline;
import org.sencrm.sales.pipeline.Pipelines;
import org.sencrm.sales.pipeline.Stage;
import org.sencrm.sales.pricing.LineInput;
import org.sencrm.sales.product.ProductDraft;
import org.sencrm.sales.product.Products;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Sales demo data for the demo workspace, once its customers exist: a small product catalogue,
 * deals in every stage of both default pipelines (some won this quarter), leads from the web form
 * and a fair, a confirmed order, quotas and a US dollar deal with its exchange rate, so the board and the dashboard have something to show.
 * Everything goes through the normal services, as the workspace's administrator, in the demo
 * customers' transaction (decision 25) behind a savepoint, and only into a workspace without products.
 */
@Component
class DemoSales {

	private static final Logger log = LoggerFactory.getLogger(DemoSales.class);

	private final Products products;
	private final Pipelines pipelines;
	private final Opportunities opportunities;
	private final OpportunityService deals;
	private final Leads leads;
	private final Orders orders;
	private final Quotas quotas;
	private final UserDirectory users;
	private final ExchangeRates rates;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final PlatformTransactionManager transactions;

	DemoSales(Products products, Pipelines pipelines, Opportunities opportunities, OpportunityService deals, Leads leads,
			Orders orders, Quotas quotas, UserDirectory users, ExchangeRates rates, Clock clock, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.products = products;
		this.pipelines = pipelines;
		this.opportunities = opportunities;
		this.deals = deals;
		this.leads = leads;
		this.orders = orders;
		this.quotas = quotas;
		this.users = users;
		this.rates = rates;
		this.clock = clock;
	}

	@EventListener
	void fill(DemoCustomersCreated demo) {
		var savepoint = transactions.getTransaction(new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
		try {
			if (jdbc.sql("select exists (select 1 from products where workspace_id = :ws)").param("ws", demo.workspaceId())
					.query(Boolean.class).single()) {
				transactions.commit(savepoint);
				log.info("Workspace {} has products already: no sales demo data added", demo.workspaceId());
				return;
			}
			var coffee = products.create(new ProductDraft("CF-ARABICA-1KG", "Cà phê Arabica Cầu Đất 1 kg", null, "kg", 8,
					new BigDecimal("420000"), "VND", true)).id();
			var roaster = products.create(new ProductDraft("MAY-RANG-MINI", "Máy rang cà phê mini", null, "cái", 10,
					new BigDecimal("12500000"), "VND", true)).id();
			products.create(new ProductDraft("PM-CRM-THANG", "Phần mềm CRM — 1 người dùng / tháng", null, "tháng", "KCT",
					new BigDecimal("250000"), "VND", true));
			products.create(new ProductDraft("DV-DAO-TAO", "Đào tạo tại chỗ", null, "giờ", 10, new BigDecimal("1500000"), "VND", true));

			var today = users.workspace().today(clock);
			var b2b = pipeline("b2b");
			var b2c = pipeline("b2c");
			var orgs = demo.organizationIds();
			var persons = demo.personIds();
			var sellers = demo.sellerIds();
			String[] b2bNames = {"Cà phê hạt cho chuỗi cửa hàng 2027", "Hệ thống CRM cho phòng kinh doanh", "Quà Tết cho khách hàng",
					"Bao bì in logo", "Đào tạo nhân viên bán hàng", "Máy rang cho xưởng mới"};
			for (int i = 0; i < b2bNames.length && i < orgs.size(); i++) {
				var stage = open(b2b).get(i % open(b2b).size());
				var deal = opportunities.create(new NewOpportunity(b2bNames[i], null, orgs.get(i), b2b.id(), stage.id(),
						new BigDecimal(60_000_000L * (i + 1)), "VND", today.plusDays(10L + 12L * i), sellers.get(i % sellers.size()), null,
						List.of()));
				if (i == 4) {
					deals.win(deal.id(), null, null);
				}
			}
			// one export deal in US dollars, and the rate that converts it on the dashboard
			if (orgs.size() > b2bNames.length) {
				rates.set(new ExchangeRates.Draft("USD", new BigDecimal("25400"), today.withDayOfYear(1)));
				opportunities.create(new NewOpportunity("Xuất khẩu cà phê hạt sang Singapore", null, orgs.get(b2bNames.length), b2b.id(),
						open(b2b).get(3).id(), new BigDecimal("40000"), "USD", closeInThisQuarter(today), sellers.getFirst(), null, List.of()));
			}
			String[] b2cNames = {"Máy rang mini cho quán", "Cà phê hạt hằng tháng", "Bộ quà tặng", "Gói CRM 5 người dùng"};
			for (int i = 0; i < b2cNames.length && i < persons.size(); i++) {
				var stage = open(b2c).get(i % open(b2c).size());
				var deal = opportunities.create(new NewOpportunity(b2cNames[i], persons.get(i), null, b2c.id(), stage.id(),
						new BigDecimal(5_000_000L * (i + 2)), "VND", today.plusDays(7L + 9L * i), sellers.get(i % sellers.size()), null,
						List.of()));
				if (i == 0) {
					deals.win(deal.id(), null, null);
				} else if (i == 3) {
					deals.lose(deal.id(), "Chọn nhà cung cấp rẻ hơn", null, null);
				}
			}

			leads.create(new LeadDraft("Vũ", "Minh Khoa", "khoa.vu@example.vn", "0903111222", "Công ty TNHH Hạt Vàng", null,
					"Giám đốc mua hàng", "Lâm Đồng", "Cần báo giá 200 kg cà phê hạt mỗi tháng.", "web_form", "Hội chợ Cà phê 2026",
					Map.of(), null, null, null), "web_form");
			leads.create(new LeadDraft("Đinh", "Thảo", "thao.dinh@example.vn", null, null, null, null, "Hà Nội",
					"Muốn dùng thử phần mềm CRM.", "manual", null, Map.of(), null, null, null), "manual");

			orders.create(new OrderDraft(null, null, persons.get(1), null, null, "VND", null, null, List.of(
					new LineInput(coffee, null, null, new BigDecimal("5"), null, null, null),
					new LineInput(roaster, null, null, BigDecimal.ONE, null, new BigDecimal("5"), null)), "confirmed", sellers.get(0),
					null));

			var quarter = Period.quarterOf(today).label();
			for (var seller : sellers) {
				quotas.set(seller, quarter, new BigDecimal("300000000"), "VND");
			}
			transactions.commit(savepoint);
			log.info("Demo sales data added: products, deals, leads, an order, quotas and a dollar rate");
		} catch (RuntimeException e) {
			// The demo customers stay usable without their sales demo: back to the savepoint.
			if (!savepoint.isCompleted()) {
				transactions.rollback(savepoint);
			}
			log.warn("Could not add the sales demo data", e);
		}
	}

	/** A date between today and the quarter's last day, so the deal counts in the dashboard's first view. */
	private static LocalDate closeInThisQuarter(LocalDate today) {
		var lastDay = Period.quarterOf(today).lastDay();
		return today.plusDays(java.time.temporal.ChronoUnit.DAYS.between(today, lastDay) / 2);
	}

	private Pipeline pipeline(String template) {
		return pipelines.all().stream().filter(p -> template.equals(p.template())).findFirst().orElseThrow();
	}

	private static List<Stage> open(Pipeline pipeline) {
		return pipeline.stages().stream().filter(s -> Stage.OPEN.equals(s.kind())).toList();
	}
}
