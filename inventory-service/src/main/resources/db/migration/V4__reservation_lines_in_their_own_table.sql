-- A reservation's lines move from the jsonb column reservation.lines to rows of their own, which JPA maps as an
-- element collection (jsonb would need Hibernate's own types in the domain). Lines are merged by sku, so the sku is
-- unique within a reservation.
create table reservation_line (
    reservation_id uuid    not null references reservation (id),
    sku            text    not null,
    quantity       integer not null check (quantity > 0),
    primary key (reservation_id, sku)
);

insert into reservation_line (reservation_id, sku, quantity)
select r.id, line->>'sku', (line->>'quantity')::int
from reservation r, jsonb_array_elements(r.lines) line;

alter table reservation drop column lines;
