package com.dealerradar.analytics;

import com.dealerradar.testkit.Backend;
import com.dealerradar.testkit.RadarInfrastructure;

/** {@link LeadProjectionIT} on real MongoDB and Kafka images; skipped where no container engine runs. */
@RadarInfrastructure(backend = Backend.CONTAINERS)
class LeadProjectionOnRealImagesIT extends LeadProjectionIT {}
