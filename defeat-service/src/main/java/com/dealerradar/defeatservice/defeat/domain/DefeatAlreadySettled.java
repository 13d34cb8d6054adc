package com.dealerradar.defeatservice.defeat.domain;

/** A settled defeat (CONFIRMED or REVERSED) takes no more callbacks. */
public class DefeatAlreadySettled extends RuntimeException {

    public DefeatAlreadySettled(String defeatId, DefeatState state) {
        super("defeat " + defeatId + " is already settled as " + state);
    }
}
