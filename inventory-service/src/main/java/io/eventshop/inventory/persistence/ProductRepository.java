package io.eventshop.inventory.persistence;

import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Sku;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's repository of the {@code product} table. */
interface ProductRepository extends JpaRepository<Product, Sku> {

    @Query("select p from Product p order by p.sku.value")
    List<Product> findAllInSkuOrder();

    /** {@code select … for no key update}: the row stays locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.sku.value = :sku")
    Optional<Product> lockBySku(@Param("sku") String sku);

    /**
     * The rows are locked in the order they are read, which is sku order, with the lock of {@link #lockBySku}. SQL with
     * one array parameter rather than JPQL's {@code in :skus}: Hibernate translates a JPQL query to SQL again for every
     * size of a list parameter, at every execution here, and this one runs for every reservation.
     */
    @Query(nativeQuery = true, value = "select * from product where sku = any(:skus) order by sku for no key update")
    List<Product> lockAllInSkuOrder(@Param("skus") String[] skus);
}
