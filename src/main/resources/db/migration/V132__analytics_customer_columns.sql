-- Columns issue 11 adds to other modules' records, and the model summary kept with each customer's value.

-- A product's cost price (in the product's currency): gross margin where products have one.
alter table products add column cost_price numeric(19, 4) check (cost_price >= 0);

-- The customer's price list (the seeds' price tier): quotes and orders for them use it by default.
alter table persons add column price_list_id uuid references price_lists (id);
alter table organizations add column price_list_id uuid references price_lists (id);

-- An organization's yearly purchasing budget as the user estimates it, in the workspace's currency:
-- its potential value; share of wallet = our revenue in the last 12 months / this.
alter table organizations add column yearly_budget numeric(19, 4) check (yearly_budget >= 0);

-- The calibration summary the latest model predicted from, in the model's time unit: repeat
-- purchases x, time of the last purchase t_x and age T (both from the first purchase), so that
-- expected purchases over any number of periods can be computed for one customer.
alter table customer_values add column repeat_purchases int;
alter table customer_values add column recency_periods double precision;
alter table customer_values add column age_periods double precision;
