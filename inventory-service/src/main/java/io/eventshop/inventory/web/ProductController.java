package io.eventshop.inventory.web;

import io.eventshop.inventory.application.Catalogue;
import io.eventshop.inventory.domain.Money;
import io.eventshop.inventory.domain.Sku;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The product catalogue with its stock levels, and restocking. */
@RestController
@RequestMapping("/products")
class ProductController {

    private final Catalogue catalogue;

    ProductController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<ProductResponse> all() {
        return catalogue.all().stream().map(ProductResponse::of).toList();
    }

    @GetMapping("/{sku}")
    ProductResponse one(@PathVariable String sku) {
        return ProductResponse.of(catalogue.get(new Sku(sku)));
    }

    /** Adds the received units to the stock, and answers with the product. */
    @PutMapping("/{sku}/stock")
    ProductResponse restock(@PathVariable String sku, @Valid @RequestBody RestockRequest request) {
        return ProductResponse.of(catalogue.restock(new Sku(sku), request.quantity()));
    }

    /** Sets the price in EUR, announces it with ProductPriceChanged, and answers with the product. */
    @PutMapping("/{sku}/price")
    ProductResponse reprice(@PathVariable String sku, @Valid @RequestBody RepriceRequest request) {
        return ProductResponse.of(catalogue.reprice(new Sku(sku), Money.euros(request.price())));
    }
}
