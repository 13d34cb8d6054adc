package com.dealerradar.leadservice;

import com.dealerradar.testkit.Backend;
import com.dealerradar.testkit.RadarInfrastructure;

/** {@link LeadCaptureIT} on real MongoDB and Kafka images; skipped where no container engine runs. */
@RadarInfrastructure(backend = Backend.CONTAINERS)
class LeadCaptureOnRealImagesIT extends LeadCaptureIT {}
