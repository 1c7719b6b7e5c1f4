package io.llmadmin.services.budgets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.testsupport.TestRedis;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Budget windows: two instances sharing the real Redis never hold more than an amount together, however many calls
 * race; a hold is all-or-nothing over a call's budgets; a window opens with the recorded spend; the in-process windows
 * keep the same rules within one instance.
 */
class BudgetWindowsTest {

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.DAYS);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private String url;
    private String prefix;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (url != null) {
            TestRedis.deleteKeys(url, prefix);
        }
    }

    private RedisBudgetWindows redis() {
        if (url == null) {
            url = TestRedis.requireUrl();
            prefix = TestRedis.uniquePrefix();
        }
        RedisBudgetWindows windows = new RedisBudgetWindows(url, prefix);
        opened.add(windows);
        return windows;
    }

    private static BudgetWindows.Window window(long id, String amount, String recorded) {
        return new BudgetWindows.Window(
                id,
                1_700_000_000_000L,
                START,
                START.plus(1, ChronoUnit.DAYS),
                new BigDecimal(amount),
                () -> new BigDecimal(recorded));
    }

    @Test
    void should_never_let_two_instances_together_hold_more_than_the_amount() throws Exception {
        List<BudgetWindows> instances = List.of(redis(), redis());
        BudgetWindows.Window budget = window(1, "0.01", "0.002");
        BigDecimal call = new BigDecimal("0.0007");
        AtomicInteger held = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                BudgetWindows instance = instances.get(i % 2);
                calls.add(() -> {
                    try {
                        instance.hold(List.of(budget), call);
                        held.incrementAndGet();
                    } catch (BudgetWindows.Refused refused) {
                        // over the amount: refused
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(calls)) {
                done.get();
            }
        } finally {
            threads.shutdown();
        }
        // 0.008 left after the recorded 0.002: 11 holds of 0.0007 fit (0.0077), a 12th would not
        assertThat(held).hasValue(11);
        assertThat(instances.get(1).standing(budget)[1]).isEqualByComparingTo("0.0077");
        for (int i = 0; i < 11; i++) {
            instances.get(i % 2).settle(List.of(budget), call, new BigDecimal("0.0001"));
        }
        BigDecimal[] standing = instances.get(0).standing(budget);
        assertThat(standing[0]).isEqualByComparingTo("0.0031");
        assertThat(standing[1]).isEqualByComparingTo("0");
    }

    @Test
    void should_hold_all_of_a_calls_budgets_or_none_on_redis() {
        holdAllOrNone(redis());
    }

    @Test
    void should_hold_all_of_a_calls_budgets_or_none_in_process() {
        holdAllOrNone(new InProcessBudgetWindows());
    }

    @Test
    void should_count_a_changed_budget_from_the_records_again() {
        RedisBudgetWindows windows = redis();
        windows.hold(List.of(window(3, "1", "0.5")), new BigDecimal("0.1"));
        windows.forget(3);
        assertThat(windows.standing(window(3, "1", "0.25"))[0]).isEqualByComparingTo("0.25");
        windows.hold(List.of(window(3, "1", "0.25")), new BigDecimal("0.1"));
        assertThat(windows.standing(window(3, "1", "0.25")))
                .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.1"));
    }

    private static void holdAllOrNone(BudgetWindows windows) {
        BudgetWindows.Window key = window(10, "1", "0");
        BudgetWindows.Window model = window(11, "0.3", "0.25");
        assertThatThrownBy(() -> windows.hold(List.of(key, model), new BigDecimal("0.1")))
                .isInstanceOfSatisfying(BudgetWindows.Refused.class, refused -> {
                    assertThat(refused.index).isEqualTo(1);
                    assertThat(refused.spent).isEqualByComparingTo("0.25");
                });
        assertThat(windows.standing(key)[1])
                .as("nothing held on the key's budget")
                .isEqualByComparingTo("0");
        windows.hold(List.of(key, model), new BigDecimal("0.05"));
        assertThat(windows.standing(key)[1]).isEqualByComparingTo("0.05");
        assertThat(windows.standing(model)[1]).isEqualByComparingTo("0.05");
    }
}
