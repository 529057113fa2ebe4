// SPDX-License-Identifier: GPL-2.0
/*
 * pwm-sim - a PWM controller without hardware, so that the kernel's own PWM core and its
 * /sys/class/pwm interface (export, period, duty_cycle, enable, polarity and their EINVAL/EBUSY
 * rules) can be tested in a VM. No Debian kernel ships such a driver.
 *
 * Every state the PWM core applies is stored per channel and shown, together with the number of
 * applies, in the platform device's "applied" attribute:
 *   /sys/devices/platform/pwm-sim.<chip>/applied
 *     <channel> period=<ns> duty=<ns> polarity=<normal|inversed> enabled=<0|1> applies=<n>
 * so a test can tell what reached the "hardware" without trusting the core's cached state.
 *
 * Module parameters: npwm (channels per chip, default 4), nchips (default 1), held_channel (a
 * channel the driver requests for itself at probe, as a kernel consumer such as pwm-fan would, so
 * that exporting it fails with EBUSY; default -1, none).
 */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/pwm.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

static unsigned int npwm = 4;
module_param(npwm, uint, 0444);
MODULE_PARM_DESC(npwm, "PWM channels per simulated chip (default 4)");

static unsigned int nchips = 1;
module_param(nchips, uint, 0444);
MODULE_PARM_DESC(nchips, "number of simulated PWM chips (default 1)");

static int held_channel = -1;
module_param(held_channel, int, 0444);
MODULE_PARM_DESC(held_channel, "channel held by the driver itself, so its export fails with EBUSY (default -1: none)");

struct pwm_sim_channel {
	struct pwm_state state;
	unsigned long applies;
};

struct pwm_sim {
	struct pwm_chip chip;
	struct mutex lock;		/* guards channels[] against a concurrent read of "applied" */
	struct pwm_sim_channel *channels;
};

static struct pwm_sim *to_pwm_sim(struct pwm_chip *chip)
{
	return container_of(chip, struct pwm_sim, chip);
}

/* The core has already validated the state (period != 0, duty <= period); accept it as is. */
static int pwm_sim_apply(struct pwm_chip *chip, struct pwm_device *pwm,
			 const struct pwm_state *state)
{
	struct pwm_sim *sim = to_pwm_sim(chip);

	mutex_lock(&sim->lock);
	sim->channels[pwm->hwpwm].state = *state;
	sim->channels[pwm->hwpwm].applies++;
	mutex_unlock(&sim->lock);
	return 0;
}

static const struct pwm_ops pwm_sim_ops = {
	.apply = pwm_sim_apply,
	.owner = THIS_MODULE,
};

static ssize_t applied_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct pwm_sim *sim = dev_get_drvdata(dev);
	unsigned int i;
	int len = 0;

	mutex_lock(&sim->lock);
	for (i = 0; i < sim->chip.npwm; i++) {
		const struct pwm_sim_channel *ch = &sim->channels[i];

		len += sysfs_emit_at(buf, len,
				     "%u period=%llu duty=%llu polarity=%s enabled=%d applies=%lu\n",
				     i, ch->state.period, ch->state.duty_cycle,
				     ch->state.polarity == PWM_POLARITY_INVERSED ? "inversed" : "normal",
				     ch->state.enabled, ch->applies);
	}
	mutex_unlock(&sim->lock);
	return len;
}
static DEVICE_ATTR_RO(applied);

static struct attribute *pwm_sim_attrs[] = {
	&dev_attr_applied.attr,
	NULL,
};
ATTRIBUTE_GROUPS(pwm_sim);

static void pwm_sim_free_held(void *data)
{
	pwm_free(data);
}

static int pwm_sim_probe(struct platform_device *pdev)
{
	struct pwm_device *held;
	struct pwm_sim *sim;
	int ret;

	sim = devm_kzalloc(&pdev->dev, sizeof(*sim), GFP_KERNEL);
	if (!sim)
		return -ENOMEM;
	sim->channels = devm_kcalloc(&pdev->dev, npwm, sizeof(*sim->channels), GFP_KERNEL);
	if (!sim->channels)
		return -ENOMEM;
	mutex_init(&sim->lock);
	sim->chip.dev = &pdev->dev;
	sim->chip.ops = &pwm_sim_ops;
	sim->chip.npwm = npwm;
	platform_set_drvdata(pdev, sim);
	ret = devm_pwmchip_add(&pdev->dev, &sim->chip);
	if (ret || held_channel < 0 || held_channel >= npwm)
		return ret;
	/* Registered after the chip, so devres frees the channel before it removes the chip. */
	held = pwm_request_from_chip(&sim->chip, held_channel, "pwm-sim-held");
	if (IS_ERR(held))
		return PTR_ERR(held);
	return devm_add_action_or_reset(&pdev->dev, pwm_sim_free_held, held);
}

static struct platform_driver pwm_sim_driver = {
	.probe = pwm_sim_probe,
	.driver = {
		.name = "pwm-sim",
		.dev_groups = pwm_sim_groups,
	},
};

static struct platform_device **pwm_sim_devices;

static void pwm_sim_remove_all(void)
{
	unsigned int i;

	for (i = 0; i < nchips; i++)
		if (!IS_ERR_OR_NULL(pwm_sim_devices[i]))
			platform_device_unregister(pwm_sim_devices[i]);
	kfree(pwm_sim_devices);
	platform_driver_unregister(&pwm_sim_driver);
}

static int __init pwm_sim_init(void)
{
	unsigned int i;
	int ret;

	if (!npwm || !nchips)
		return -EINVAL;
	ret = platform_driver_register(&pwm_sim_driver);
	if (ret)
		return ret;
	pwm_sim_devices = kcalloc(nchips, sizeof(*pwm_sim_devices), GFP_KERNEL);
	if (!pwm_sim_devices) {
		platform_driver_unregister(&pwm_sim_driver);
		return -ENOMEM;
	}
	for (i = 0; i < nchips; i++) {
		pwm_sim_devices[i] = platform_device_register_simple("pwm-sim", i, NULL, 0);
		if (IS_ERR(pwm_sim_devices[i])) {
			ret = PTR_ERR(pwm_sim_devices[i]);
			pwm_sim_remove_all();
			return ret;
		}
	}
	return 0;
}
module_init(pwm_sim_init);

static void __exit pwm_sim_exit(void)
{
	pwm_sim_remove_all();
}
module_exit(pwm_sim_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Simulated PWM controller for testing /sys/class/pwm users");
