package com.dealerradar.leadservice.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void aChineseMobileIsTheSameNumberHoweverItIsWritten() {
        for (String written : new String[] {"+86 138 0000 5678", "13800005678", "138 0000-5678", "+8613800005678",
                "0086 138 0000 5678"}) {
            assertThat(PhoneNumber.normalize(written)).as(written).get()
                    .extracting(PhoneNumber.Normalized::e164).isEqualTo("+8613800005678");
        }
    }

    @Test
    void aFixedLineAndAForeignNumberAreValid() {
        assertThat(PhoneNumber.normalize("0476-8888888")).get().extracting(PhoneNumber.Normalized::e164)
                .isEqualTo("+864768888888");
        assertThat(PhoneNumber.normalize("+1 650 253 0000")).get().extracting(PhoneNumber.Normalized::e164)
                .isEqualTo("+16502530000");
    }

    @Test
    void whatIsNotAMobileOrFixedLineNumberIsRefused() {
        for (String bad : new String[] {"12-34", "12345", "1380000567", "138000056789", "abc", "+86", "",
                "400 810 8888", "1".repeat(100)}) {
            assertThat(PhoneNumber.normalize(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void theMaskShowsTheNationalNumbersFirstThreeAndLastFourDigits() {
        assertThat(PhoneNumber.normalize("+86 138 0000 5678")).get().extracting(PhoneNumber.Normalized::masked)
                .isEqualTo("138****5678");
    }
}
