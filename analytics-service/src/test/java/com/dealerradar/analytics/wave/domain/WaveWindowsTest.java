package com.dealerradar.analytics.wave.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dealerradar.analytics.wave.domain.WaveWindows.Window;
import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WaveWindowsTest {

    private static LocalDate dec(int day) {
        return LocalDate.of(2026, 12, 1).plusDays(day - 1L);
    }

    @Test
    void twoRegionsWithinTheWindowOpenAWaveOnTheFirstInquiry() {
        // Dec 1 Jining, Dec 10 Chifeng, Dec 30 Ulanhot: all inside Dec 1 + 29 days
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(1), Set.of("Ulanqab"));
        days.put(dec(10), Set.of("Chifeng"));
        days.put(dec(30), Set.of("Hinggan"));
        assertThat(WaveWindows.detect(days, 30)).containsExactly(new Window(dec(1), dec(30)));
    }

    @Test
    void oneRegionAloneIsNoWaveHoweverManyItsInquiries() {
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(1), Set.of("Baotou"));
        days.put(dec(2), Set.of("Baotou"));
        days.put(dec(5), Set.of("Baotou"));
        assertThat(WaveWindows.detect(days, 30)).isEmpty();
    }

    @Test
    void aSecondRegionOneDayTooLateMakesNoWave() {
        // Dec 1 + 29 days ends on Dec 30; Chifeng on Dec 31 is outside, and alone in its own window
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(1), Set.of("Ulanqab"));
        days.put(dec(31), Set.of("Chifeng"));
        assertThat(WaveWindows.detect(days, 30)).isEmpty();
        assertThat(WaveWindows.detect(days, 31)).containsExactly(new Window(dec(1), dec(31)));
    }

    @Test
    void aLoneEarlyInquiryIsSkippedAndTheWaveOpensOnTheNextOne() {
        // Dec 1 Baotou alone in Dec 1..Dec 10; Dec 8 Baotou + Dec 15 Chifeng within Dec 8..Dec 17
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(1), Set.of("Baotou"));
        days.put(dec(8), Set.of("Baotou"));
        days.put(dec(15), Set.of("Chifeng"));
        assertThat(WaveWindows.detect(days, 10)).containsExactly(new Window(dec(8), dec(17)));
    }

    @Test
    void aWaveTakesItsDaysAndTheNextWaveOpensAfterItsWindow() {
        // window 5: Dec 1..5 (A, B) is a wave; Dec 4 (C) belongs to it; Dec 6 (A) and Dec 9 (C) open the next
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(1), Set.of("A"));
        days.put(dec(3), Set.of("B"));
        days.put(dec(4), Set.of("C"));
        days.put(dec(6), Set.of("A"));
        days.put(dec(9), Set.of("C"));
        assertThat(WaveWindows.detect(days, 5)).containsExactly(new Window(dec(1), dec(5)), new Window(dec(6), dec(10)));
    }

    @Test
    void twoRegionsOnOneDayAreAWaveOfOneDay() {
        NavigableMap<LocalDate, Set<String>> days = new TreeMap<>();
        days.put(dec(3), Set.of("A", "B"));
        days.put(dec(4), Set.of());
        assertThat(WaveWindows.detect(days, 1)).containsExactly(new Window(dec(3), dec(3)));
    }

    @Test
    void noDaysNoWavesAndTheWindowIsAtLeastADay() {
        assertThat(WaveWindows.detect(new TreeMap<>(), 30)).isEmpty();
        assertThatThrownBy(() -> WaveWindows.detect(new TreeMap<>(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
