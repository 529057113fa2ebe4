namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// The command numbers of pigpiod's socket protocol (<c>PI_CMD_*</c> in pigpio.h, version 79),
/// named by their <c>pigs</c> mnemonics so they read like pigpio's documentation. The wire carries
/// any 32-bit number; one outside this list, or one listed that RemoteIo does not implement, is
/// answered with <see cref="PigpioError.UnknownCommand"/> (see docs/compatibility.md).
/// </summary>
public enum PigpioCommand
{
    /// <summary>0: Sets a GPIO's mode (input, output, ALT0-5).</summary>
    MODES = 0,

    /// <summary>1: Gets a GPIO's mode.</summary>
    MODEG = 1,

    /// <summary>2: Sets a GPIO's pull-up/down.</summary>
    PUD = 2,

    /// <summary>3: Reads a GPIO's level.</summary>
    READ = 3,

    /// <summary>4: Writes a GPIO's level (and makes it an output).</summary>
    WRITE = 4,

    /// <summary>5: Starts software PWM with a dutycycle.</summary>
    PWM = 5,

    /// <summary>6: Sets the PWM dutycycle range.</summary>
    PRS = 6,

    /// <summary>7: Sets the PWM frequency.</summary>
    PFS = 7,

    /// <summary>8: Starts servo pulses with a pulsewidth.</summary>
    SERVO = 8,

    /// <summary>9: Sets a GPIO's watchdog timeout.</summary>
    WDOG = 9,

    /// <summary>10: Reads the levels of GPIO 0-31.</summary>
    BR1 = 10,

    /// <summary>11: Reads the levels of GPIO 32-53.</summary>
    BR2 = 11,

    /// <summary>12: Clears GPIOs 0-31 given as a bit mask.</summary>
    BC1 = 12,

    /// <summary>13: Clears GPIOs 32-53 given as a bit mask.</summary>
    BC2 = 13,

    /// <summary>14: Sets GPIOs 0-31 given as a bit mask.</summary>
    BS1 = 14,

    /// <summary>15: Sets GPIOs 32-53 given as a bit mask.</summary>
    BS2 = 15,

    /// <summary>16: Gets the microsecond tick.</summary>
    TICK = 16,

    /// <summary>17: Gets the hardware revision.</summary>
    HWVER = 17,

    /// <summary>18: Opens a notification pipe on the daemon's machine.</summary>
    NO = 18,

    /// <summary>19: Starts notifications for a bit mask of GPIOs on a handle.</summary>
    NB = 19,

    /// <summary>20: Pauses notifications on a handle.</summary>
    NP = 20,

    /// <summary>21: Closes a notification handle.</summary>
    NC = 21,

    /// <summary>22: Gets the PWM dutycycle range.</summary>
    PRG = 22,

    /// <summary>23: Gets the PWM frequency.</summary>
    PFG = 23,

    /// <summary>24: Gets the real PWM range.</summary>
    PRRG = 24,

    /// <summary>25: Shows help (pigs only).</summary>
    HELP = 25,

    /// <summary>26: Gets the pigpio version.</summary>
    PIGPV = 26,

    /// <summary>27: Clears all waveforms.</summary>
    WVCLR = 27,

    /// <summary>28: Adds generic pulses to a waveform.</summary>
    WVAG = 28,

    /// <summary>29: Adds serial data to a waveform.</summary>
    WVAS = 29,

    /// <summary>30: Transmits a waveform once (deprecated).</summary>
    WVGO = 30,

    /// <summary>31: Transmits a waveform repeatedly (deprecated).</summary>
    WVGOR = 31,

    /// <summary>32: Asks whether a waveform is being transmitted.</summary>
    WVBSY = 32,

    /// <summary>33: Stops waveform transmission.</summary>
    WVHLT = 33,

    /// <summary>34: Gets waveform micros statistics.</summary>
    WVSM = 34,

    /// <summary>35: Gets waveform pulse statistics.</summary>
    WVSP = 35,

    /// <summary>36: Gets waveform control block statistics.</summary>
    WVSC = 36,

    /// <summary>37: Sends a trigger pulse.</summary>
    TRIG = 37,

    /// <summary>38: Stores a script.</summary>
    PROC = 38,

    /// <summary>39: Deletes a script.</summary>
    PROCD = 39,

    /// <summary>40: Runs a script.</summary>
    PROCR = 40,

    /// <summary>41: Stops a script.</summary>
    PROCS = 41,

    /// <summary>42: Opens a GPIO for bit bang serial reads.</summary>
    SLRO = 42,

    /// <summary>43: Reads bit bang serial data.</summary>
    SLR = 43,

    /// <summary>44: Closes a GPIO for bit bang serial reads.</summary>
    SLRC = 44,

    /// <summary>45: Gets a script's status and parameters.</summary>
    PROCP = 45,

    /// <summary>46: Delays for microseconds.</summary>
    MICS = 46,

    /// <summary>47: Delays for milliseconds.</summary>
    MILS = 47,

    /// <summary>48: Validates a script.</summary>
    PARSE = 48,

    /// <summary>49: Creates a waveform.</summary>
    WVCRE = 49,

    /// <summary>50: Deletes a waveform.</summary>
    WVDEL = 50,

    /// <summary>51: Transmits a waveform once.</summary>
    WVTX = 51,

    /// <summary>52: Transmits a waveform repeatedly.</summary>
    WVTXR = 52,

    /// <summary>53: Starts a new empty waveform.</summary>
    WVNEW = 53,

    /// <summary>54: Opens an I2C device.</summary>
    I2CO = 54,

    /// <summary>55: Closes an I2C device.</summary>
    I2CC = 55,

    /// <summary>56: Reads raw I2C data.</summary>
    I2CRD = 56,

    /// <summary>57: Writes raw I2C data.</summary>
    I2CWD = 57,

    /// <summary>58: Writes an SMBus quick command.</summary>
    I2CWQ = 58,

    /// <summary>59: Reads an SMBus byte.</summary>
    I2CRS = 59,

    /// <summary>60: Writes an SMBus byte.</summary>
    I2CWS = 60,

    /// <summary>61: Reads an SMBus byte register.</summary>
    I2CRB = 61,

    /// <summary>62: Writes an SMBus byte register.</summary>
    I2CWB = 62,

    /// <summary>63: Reads an SMBus word register.</summary>
    I2CRW = 63,

    /// <summary>64: Writes an SMBus word register.</summary>
    I2CWW = 64,

    /// <summary>65: Reads an SMBus block register.</summary>
    I2CRK = 65,

    /// <summary>66: Writes an SMBus block register.</summary>
    I2CWK = 66,

    /// <summary>67: Reads an SMBus I2C block register.</summary>
    I2CRI = 67,

    /// <summary>68: Writes an SMBus I2C block register.</summary>
    I2CWI = 68,

    /// <summary>69: Runs an SMBus process call.</summary>
    I2CPC = 69,

    /// <summary>70: Runs an SMBus block process call.</summary>
    I2CPK = 70,

    /// <summary>71: Opens an SPI device.</summary>
    SPIO = 71,

    /// <summary>72: Closes an SPI device.</summary>
    SPIC = 72,

    /// <summary>73: Reads from an SPI device.</summary>
    SPIR = 73,

    /// <summary>74: Writes to an SPI device.</summary>
    SPIW = 74,

    /// <summary>75: Transfers data with an SPI device.</summary>
    SPIX = 75,

    /// <summary>76: Opens a serial device.</summary>
    SERO = 76,

    /// <summary>77: Closes a serial device.</summary>
    SERC = 77,

    /// <summary>78: Reads a byte from a serial device.</summary>
    SERRB = 78,

    /// <summary>79: Writes a byte to a serial device.</summary>
    SERWB = 79,

    /// <summary>80: Reads bytes from a serial device.</summary>
    SERR = 80,

    /// <summary>81: Writes bytes to a serial device.</summary>
    SERW = 81,

    /// <summary>82: Asks whether serial data is available.</summary>
    SERDA = 82,

    /// <summary>83: Gets the PWM dutycycle.</summary>
    GDC = 83,

    /// <summary>84: Gets the servo pulsewidth.</summary>
    GPW = 84,

    /// <summary>85: Starts a hardware clock.</summary>
    HC = 85,

    /// <summary>86: Starts hardware PWM.</summary>
    HP = 86,

    /// <summary>87: Runs custom function 1.</summary>
    CF1 = 87,

    /// <summary>88: Runs custom function 2.</summary>
    CF2 = 88,

    /// <summary>89: Closes bit bang I2C.</summary>
    BI2CC = 89,

    /// <summary>90: Opens bit bang I2C.</summary>
    BI2CO = 90,

    /// <summary>91: Runs a bit bang I2C transaction.</summary>
    BI2CZ = 91,

    /// <summary>92: Runs an I2C transaction.</summary>
    I2CZ = 92,

    /// <summary>93: Transmits a chain of waveforms.</summary>
    WVCHA = 93,

    /// <summary>94: Sets bit bang serial read inversion.</summary>
    SLRI = 94,

    /// <summary>95: Gets the daemon's configuration internals.</summary>
    CGI = 95,

    /// <summary>96: Sets the daemon's configuration internals.</summary>
    CSI = 96,

    /// <summary>97: Sets a glitch filter on a GPIO.</summary>
    FG = 97,

    /// <summary>98: Sets a noise filter on a GPIO.</summary>
    FN = 98,

    /// <summary>99: Turns this connection into a notification stream and opens a handle for it.</summary>
    NOIB = 99,

    /// <summary>100: Transmits a waveform with a mode.</summary>
    WVTXM = 100,

    /// <summary>101: Gets the waveform being transmitted.</summary>
    WVTAT = 101,

    /// <summary>102: Sets a pad's drive strength.</summary>
    PADS = 102,

    /// <summary>103: Gets a pad's drive strength.</summary>
    PADG = 103,

    /// <summary>104: Opens a file on the daemon's machine.</summary>
    FO = 104,

    /// <summary>105: Closes a file.</summary>
    FC = 105,

    /// <summary>106: Reads a file.</summary>
    FR = 106,

    /// <summary>107: Writes a file.</summary>
    FW = 107,

    /// <summary>108: Seeks in a file.</summary>
    FS = 108,

    /// <summary>109: Lists files.</summary>
    FL = 109,

    /// <summary>110: Runs a shell script on the daemon's machine.</summary>
    SHELL = 110,

    /// <summary>111: Closes bit bang SPI.</summary>
    BSPIC = 111,

    /// <summary>112: Opens bit bang SPI.</summary>
    BSPIO = 112,

    /// <summary>113: Transfers bit bang SPI data.</summary>
    BSPIX = 113,

    /// <summary>114: Runs a BSC (I2C/SPI slave) transfer.</summary>
    BSCX = 114,

    /// <summary>115: Sets the events monitored on a notification handle.</summary>
    EVM = 115,

    /// <summary>116: Triggers an event.</summary>
    EVT = 116,

    /// <summary>117: Updates a script's parameters.</summary>
    PROCU = 117,

    /// <summary>118: Gets the waveform capacity.</summary>
    WVCAP = 118,
}
