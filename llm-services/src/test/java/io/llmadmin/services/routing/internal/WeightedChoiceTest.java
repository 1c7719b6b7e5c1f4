package io.llmadmin.services.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.llmadmin.services.routing.RouteTargetView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    private static final List<RouteTargetView> CANARY =
            List.of(new RouteTargetView("stable", 90), new RouteTargetView("canary", 10));

    @Test
    void should_map_each_point_of_the_total_weight_to_the_target_whose_share_holds_it() {
        assertThat(WeightedChoice.at(CANARY, 0)).isEqualTo("stable");
        assertThat(WeightedChoice.at(CANARY, 89)).isEqualTo("stable");
        assertThat(WeightedChoice.at(CANARY, 90)).isEqualTo("canary");
        assertThat(WeightedChoice.at(CANARY, 99)).isEqualTo("canary");
        assertThatThrownBy(() -> WeightedChoice.at(CANARY, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_keep_a_caller_on_one_target_and_spread_callers_by_weight() {
        Map<String, Integer> perTarget = new HashMap<>();
        for (int caller = 0; caller < 10_000; caller++) {
            String target = WeightedChoice.sticky("route", "gateway:key-" + caller, CANARY);
            assertThat(WeightedChoice.sticky("route", "gateway:key-" + caller, CANARY))
                    .isEqualTo(target);
            perTarget.merge(target, 1, Integer::sum);
        }

        assertThat(perTarget.get("canary")).isBetween(850, 1150);
    }
}
