
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's2101744fabf88982': `Clerk console`,
's2b3e3b08abe71ba8': `Password`,
's3023adc9bc1f54c8': `Window dispatch, configuration, statistics, bad-rating follow-up`,
's3025f195a2494e40': `Kiosk`,
's37247c5697ec499b': `Enter your user name and password.`,
's390e9c377cc1fc52': `Hall board`,
's4025a9189323ab8e': `It continues by itself when the network is back; nothing to do.`,
's40e12e1290d20937': `User name`,
's41728303ab89ca84': `Take a number at the entrance and print the ticket`,
's499b0ff11dd398e2': `Pair again`,
's5b6597ce11c3dae5': `Starting…`,
's5b880776f0ad6424': `Ask the hall manager to enter this pairing code under “Devices”:`,
's667ee8402b3de733': `Latest calls, waiting counts, missed numbers, spoken calls`,
's7133c6a7dbea850c': `Rating pad`,
's72a6300ebcf7127e': `This screen starts working by itself once approved.`,
's88d2a37b3c78279a': `Above a counter: the number being served and the clerk`,
's8946f07e47c18a22': `Demo data: password demo1234, accounts manager, clerk01 … clerk10.`,
'sa035425f83660e04': `The visitor rates the service (好差评)`,
'sa2274cf895a81050': `Windows and management`,
'sa4572e59c8f6beac': `Shows the social security zone only`,
'saa8ebf17350543c7': str`Pair this ${0}`,
'sb32373084660391d': `Sign in`,
'sb73f7e29161e635b': `API reference`,
'sbf935d2388b4f820': `Window screen`,
'sc576193b89bcf538': `Signing in…`,
'sc7f8f695bfc6518e': `Hall board`,
'sd9b9e911034a2603': `Connecting to the server…`,
'sdf4a4bfc680857a0': `Manager console`,
'se479a50cacd21986': `Queuing, calling, window management and service rating`,
'se9ffa1385190028e': `To use it again, tap the button below for a new pairing code and ask a manager to approve it.`,
'secd29408cc99582b': `Government service hall`,
'see1a54bc47ad3834': `Zone board`,
'sef4adad8459fb8b6': `Pairing code`,
'sf744772666a03ad5': `Hall screens`,
'sfbae46881bbeffdf': `Call, recall, no-show, hold, transfer, pause`,
    };
  