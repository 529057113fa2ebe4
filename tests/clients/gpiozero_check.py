#!/usr/bin/python3
"""Checks a pigpio endpoint through gpiozero's PiGPIOFactory (Debian: python3-gpiozero, python3-pigpio).

The factory is chosen the way users choose it: GPIOZERO_PIN_FACTORY=pigpio with PIGPIO_ADDR and
PIGPIO_PORT (this script sets them from --host/--port when given). Each scenario uses a gpiozero
device exactly as a program would, prints "OK ..." per check and "PASS <scenario>", and exits 0;
it exits 1 on a failed check. What the pins really did is for the caller to check on the host
(its transition log): this script prints what it did, and holds each PWM setting for --hold
seconds (as a program would) so the signal can be measured; --hold step hands each hold to the
caller (HOLD on stdout, then a line on stdin), for a host on a virtual clock.

    gpiozero_check.py --host 127.0.0.1 --port 8888 led --gpio 17
    gpiozero_check.py pwmled --gpio 18
    gpiozero_check.py button --gpio 4            # prints READY; then press and release it
    gpiozero_check.py button --gpio 4 --drive 20 # presses it via GPIO 20 wired to GPIO 4
    gpiozero_check.py servo --gpio 12
"""

import argparse
import os
import sys
import threading
import time

from checks import check, hold, run

PATIENCE = 10.0


def parse():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=("led", "pwmled", "button", "servo"))
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--gpio", type=int, required=True)
    parser.add_argument("--drive", type=int, default=None, help="an output wired to the button's GPIO")
    parser.add_argument("--hold", default="0.1", help="seconds each PWM value or servo position is held, or 'step' (print HOLD, wait for a line on stdin)")
    return parser.parse_args()


ARGS = parse()
os.environ["GPIOZERO_PIN_FACTORY"] = "pigpio"
if ARGS.host is not None:
    os.environ["PIGPIO_ADDR"] = ARGS.host
if ARGS.port is not None:
    os.environ["PIGPIO_PORT"] = str(ARGS.port)

try:
    import pigpio  # noqa: F401  (gpiozero's pigpio factory needs it)
    from gpiozero import LED, PWMLED, Button, Servo, Device, DigitalOutputDevice
except ImportError as missing:
    print("FAIL: {}; install with: apt-get install -y python3-gpiozero python3-pigpio".format(missing), flush=True)
    sys.exit(2)


def scenario_led(gpio):
    led = LED(gpio)
    try:
        check(type(Device.pin_factory).__name__ == "PiGPIOFactory", "gpiozero uses PiGPIOFactory")
        led.on()
        check(led.is_lit, "LED on")
        led.off()
        check(not led.is_lit, "LED off")
        led.blink(on_time=0.05, off_time=0.05, n=3, background=False)
        check(not led.is_lit, "LED blinked 3 times and ended off")
    finally:
        led.close()


def scenario_pwmled(gpio):
    led = PWMLED(gpio)
    try:
        check(led.frequency == 100, "PWMLED runs at 100 Hz")
        led.value = 0.5
        check(abs(led.value - 0.5) < 1e-9, "PWMLED value 0.5")
        hold(ARGS.hold)
        led.value = 0.25
        check(abs(led.value - 0.25) < 1e-9, "PWMLED value 0.25")
        hold(ARGS.hold)
        led.pulse(fade_in_time=0.2, fade_out_time=0.2, n=1, background=False)
        check(led.value == 0, "PWMLED pulsed once and ended at 0")
    finally:
        led.close()


def scenario_button(gpio):
    button = Button(gpio)
    pressed, released = threading.Event(), threading.Event()
    button.when_pressed = lambda: pressed.set()
    button.when_released = lambda: released.set()
    driver = None
    try:
        check(not button.is_pressed, "Button (pull-up) starts released")
        if ARGS.drive is None:
            print("READY", flush=True)
        else:
            driver = DigitalOutputDevice(ARGS.drive, initial_value=True)
            driver.off()
            time.sleep(0.05)
            driver.on()
        check(pressed.wait(PATIENCE), "when_pressed ran")
        check(released.wait(PATIENCE), "when_released ran")
        check(not button.is_pressed, "Button released again")
    finally:
        button.close()
        if driver is not None:
            driver.close()


def scenario_servo(gpio):
    servo = Servo(gpio)
    try:
        check(servo.value == 0, "Servo starts mid (1.5 ms)")
        hold(ARGS.hold)
        servo.min()
        check(servo.value == -1, "Servo min (1 ms)")
        hold(ARGS.hold)
        servo.max()
        check(servo.value == 1, "Servo max (2 ms)")
        hold(ARGS.hold)
        servo.mid()
        check(servo.value == 0, "Servo mid (1.5 ms)")
        hold(ARGS.hold)
    finally:
        servo.close()


def main():
    scenarios = {
        "led": lambda args: scenario_led(args.gpio),
        "pwmled": lambda args: scenario_pwmled(args.gpio),
        "button": lambda args: scenario_button(args.gpio),
        "servo": lambda args: scenario_servo(args.gpio),
    }
    try:
        # gpiozero raises its own exception types; any failure fails the check.
        return run(scenarios, ARGS, Exception)
    finally:
        if Device.pin_factory is not None:
            Device.pin_factory.close()


if __name__ == "__main__":
    sys.exit(main())
