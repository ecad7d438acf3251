-- One server, one database per service (ARCHITECTURE.md §1).
CREATE DATABASE order_service;
CREATE DATABASE payment_service;
CREATE DATABASE inventory_service;
CREATE DATABASE shipping_service;
CREATE DATABASE notification_service;
