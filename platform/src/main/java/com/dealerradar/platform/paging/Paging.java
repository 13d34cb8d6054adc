package com.dealerradar.platform.paging;

import com.dealerradar.platform.problem.ApiProblem;

/** {@code page} from 0 (to {@value #MAX_PAGE}) and {@code size} 1 to 500 (default 50), as api.md sets for every list. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Far past any list of ours; it keeps the store's skip a small number. */
    public static final int MAX_PAGE = 100_000;

    public static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            throw ApiProblem.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiProblem.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long skip() {
        return (long) page * size;
    }
}
